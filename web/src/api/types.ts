// The server's JSON shapes, as types only: nothing of the server reaches the browser bundle.
export type * from '../../../src/server/api-types.ts';
