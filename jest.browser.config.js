/** Browser tests: the built task pane in Debian's Chromium (npm run test:browser). */
const base = require('./jest.config.js');
module.exports = { ...base, roots: ['<rootDir>/test/browser'], testMatch: ['**/*.browser.test.ts'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 60_000 };
