export { type ApiContractOptions, describeApiContract } from './api-contract.ts';
export { type BrowserHarness, bundleForBrowser, startBrowserHarness } from './browser.ts';
export { type BrowserBundle, bundleForInspection, isMswInput } from './bundle-inputs.ts';
export { type ContractOptions, describeContract, type ReplayClientOptions } from './contract.ts';
export {
  CREDSTAT_MOCK_BIN,
  CREDSTAT_MOCK_TEST_MS,
  type RunningMock,
  startCredstatMock,
} from './credstat-mock-process.ts';
export { type DriftReport, runDrift } from './drift.ts';
export {
  closedPortUrl,
  freePort,
  type Handler,
  listenOnLoopback,
  startServer,
} from './local-server.ts';
export { describeMockContract, type MockContractOptions } from './mock-contract.ts';
export { describeReadmeExamples, runUnderFakeTimers } from './readme.ts';
export { fixtureEntry, type ReplayFetch, replayFetch, withUrl } from './replay.ts';
export { describeUsageExample, type UsageExampleOptions } from './usage-example.ts';
export { describeSessionWaits, type WaitsOptions } from './waits.ts';
