// The admin request schemas live in the contract; re-exported for the feature's handlers.
export * from '../../contract/admin/console.ts';
