/**
 * What a server value turns into on its way to the browser: `JSON.stringify` writes a Date as its
 * ISO string and leaves functions out, and `JSON.parse` gives back plain objects and arrays. So a
 * client type is the server's own type passed through this — written once, and it cannot drift.
 */
export type Jsonify<T> = T extends Date
  ? string
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer U)[]
      ? Jsonify<U>[]
      : T extends object
        ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonify<T[K]> }
        : T;
