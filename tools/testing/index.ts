export { type BrowserHarness, bundleForBrowser, startBrowserHarness } from './browser.ts';
export { type ContractOptions, describeContract, type ReplayClientOptions } from './contract.ts';
export { type DriftReport, runDrift } from './drift.ts';
export { describeReadmeExamples, runUnderFakeTimers } from './readme.ts';
export { fixtureEntry, type ReplayFetch, replayFetch, withUrl } from './replay.ts';
export { describeSessionWaits, type WaitsOptions } from './waits.ts';
