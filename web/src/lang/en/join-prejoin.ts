// English strings of the checks before joining (camera, microphone, data use, join errors).
import type de from '../de/join-prejoin.ts';

const strings: typeof de = {
  mediaTitle: 'Camera and microphone',
  mediaTest: 'Test camera and microphone',
  selfView: 'Your own camera picture',
  level: 'Your microphone level',
  levelHint: 'Say something: the bar should move.',
  denied:
    'Camera or microphone are blocked. Please allow access in your browser settings (the lock symbol next to the address) and try again – or join with audio only.',
  noDevice: 'No camera or microphone was found. You can join with audio only or without a camera.',
  optionsTitle: 'Data use',
  dataSaver: 'Data saver (small picture, less data)',
  audioOnly: 'Audio only (no video)',
  estimate: (mb: number) => `Estimated use: about ${mb} MB per 30 minutes.`,
  videoDown: 'The video service is unavailable right now. Please try again in a minute.',
  connectFailed:
    'Connecting to the video room failed. Please try again; on a weak connection “audio only” helps.',
};
export default strings;
