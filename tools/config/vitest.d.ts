import type { ViteUserConfig } from 'vitest/config';

type Reporters = NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>;

export declare const reporters: Reporters;
export declare function packageProject(name: string): ViteUserConfig;
