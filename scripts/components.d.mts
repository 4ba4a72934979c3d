// Types of components.mjs, for the tests that import it.
export declare const COMPONENTS_DIR: string;
export declare function componentEntries(root?: string): {
  defines: string[];
  classes: string[];
  input: Record<string, string>;
};
export declare const ALL_ELEMENTS_ID: string;
export declare function allElementsModule(defines: readonly string[], root?: string): string;
