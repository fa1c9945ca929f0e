export { type BrowserHarness, bundleForBrowser, startBrowserHarness } from './browser.ts';
export { type ContractOptions, describeContract } from './contract.ts';
export { type DriftReport, runDrift } from './drift.ts';
export { describeReadmeExamples } from './readme.ts';
export { fixtureEntry, type ReplayFetch, replayFetch, withUrl } from './replay.ts';
