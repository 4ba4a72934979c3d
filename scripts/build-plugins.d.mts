// Types of build-plugins.mjs, for the tests that import it.
import type { Plugin } from 'rollup';

export declare const LOCALES_DIR: string;
export declare function minifyHtmlText(raw: string): string;
export declare function minifyCssText(raw: string, first?: boolean, last?: boolean): string;
export declare function litTemplates(): Plugin;
export declare function messageIdMap(root?: string): Map<string, string>;
export declare function shortMessageIds(root?: string): Plugin;
export declare function transpile(): Plugin;
export declare function browserResolve(): Plugin;
export declare function componentTransforms(): Plugin[];
export declare const TERSER_OPTIONS: Record<string, unknown>;
export declare function minify(): Plugin[];
export declare function extractLicenses(): Plugin;
export declare function wholeCatalogue(): Plugin;
export declare function noCatalogueMaps(): Plugin;
