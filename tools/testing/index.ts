export { type ApiContractOptions, describeApiContract } from './api-contract.ts';
export { type BrowserHarness, bundleForBrowser, startBrowserHarness } from './browser.ts';
export { type ContractOptions, describeContract, type ReplayClientOptions } from './contract.ts';
export { type DriftReport, runDrift } from './drift.ts';
export { closedPortUrl, freePort, type Handler, startServer } from './local-server.ts';
export {
  CREDSTAT_MOCK_BIN,
  describeMockContract,
  type MockContractOptions,
  startCredstatMock,
} from './mock-contract.ts';
export { describeReadmeExamples, runUnderFakeTimers } from './readme.ts';
export { fixtureEntry, type ReplayFetch, replayFetch, withUrl } from './replay.ts';
export { describeUsageExample, type UsageExampleOptions } from './usage-example.ts';
export { describeSessionWaits, type WaitsOptions } from './waits.ts';
