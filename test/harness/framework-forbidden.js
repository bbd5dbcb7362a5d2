/**
 * The unit tier maps @nestjs/* and typeorm to this module (jest.config.js). Unit specs test
 * pure rules; a spec that reaches Nest or TypeORM — often through a library's index.ts, which
 * exports its module and providers — costs seconds and is no longer a unit test. The stack
 * below this error shows the chain of imports that got here.
 */
throw new Error(
  'A unit spec loaded @nestjs/* or typeorm. Import the pure module itself (a relative path, ' +
    'or @bouwsteen/<library>/pure from another library), or test the code in an e2e spec.',
);
