import type { Options } from 'tsup';

export declare function packageBuild(entry: string[]): Options;
export declare const API_ENTRIES: string[];
export declare function apiPackageBuild(extra?: string[]): Options;
