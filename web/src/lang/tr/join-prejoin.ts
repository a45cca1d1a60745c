// Turkish strings of the checks before joining (camera, microphone, data use, join errors).
import type de from '../de/join-prejoin.ts';

const strings: typeof de = {
  mediaTitle: 'Kamera ve mikrofon',
  mediaTest: 'Kamerayı ve mikrofonu test edin',
  selfView: 'Kendi kamera görüntünüz',
  level: 'Mikrofonunuzun ses düzeyi',
  levelHint: 'Kısaca konuşun: Çubuk hareket etmelidir.',
  denied:
    'Kamera veya mikrofon engellenmiş. Lütfen tarayıcınızın ayarlarında (adresin yanındaki kilit simgesi) erişime izin verip tekrar deneyin ya da yalnızca sesle katılın.',
  noDevice: 'Kamera veya mikrofon bulunamadı. Yalnızca sesle veya kamerasız katılabilirsiniz.',
  optionsTitle: 'Veri kullanımı',
  dataSaver: 'Veri tasarrufu (küçük görüntü, daha az veri)',
  audioOnly: 'Yalnızca ses (görüntü olmadan)',
  estimate: (mb: number) => `Tahmini kullanım: 30 dakikada yaklaşık ${mb} MB.`,
  videoDown: 'Görüntülü görüşme hizmetine şu anda ulaşılamıyor. Lütfen bir dakika sonra tekrar deneyin.',
  connectFailed:
    'Görüntülü görüşme odasına bağlanılamadı. Lütfen tekrar deneyin; bağlantı zayıfsa “Yalnızca ses” yardımcı olur.',
};
export default strings;
