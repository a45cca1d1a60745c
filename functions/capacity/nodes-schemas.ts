// The LiveKit node request schemas live in the contract; re-exported for the feature's handlers.
export * from '../../contract/admin/nodes.ts';
