// The notes request schemas live in the contract; re-exported for the feature's handlers.
export * from '../../contract/staff/notes.ts';
