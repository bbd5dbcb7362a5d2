// jsonld (BSD, a dev dependency for tests) ships no types: the part the tests use.
declare module 'jsonld' {
  type Loader = (
    url: string,
  ) => Promise<{ contextUrl: null; documentUrl: string; document: object }>;
  export function expand(input: object, options?: { documentLoader?: Loader }): Promise<object[]>;
}
