// Types of sri.mjs, for the tests that import it.

export declare const BUNDLE: string;
export declare const MANIFEST: string;
export declare function sri(bytes: string | Uint8Array): string;
export declare function integrityOf(dist: string): Record<string, string>;
export declare function integrityManifest(dist: string, version: string): string;
export declare function cdnUrl(version: string, file: string): string;
export declare function snippet(dist: string, version: string): string;
