/** @type {import('ts-jest').JestConfigWithTsJest} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/__tests__/setup/polyfills.js'],
  // The end-to-end tests run dist/: rebuilt first when it is older than src/.
  globalSetup: '<rootDir>/__tests__/setup/bundle.js',
  moduleNameMapper: {
    // What the Octokit plugins use of Bottleneck, as in the bundle (tsconfig.json paths): src/github/bottleneck-shim.ts.
    '^bottleneck/light\\.js$': '<rootDir>/src/github/bottleneck-shim.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }]
  },
  testTimeout: 30000,
  collectCoverageFrom: ['src/**/*.ts'],
  coveragePathIgnorePatterns: ['/node_modules/', '/dist/']
}
