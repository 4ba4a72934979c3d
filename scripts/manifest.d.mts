// Types of manifest.mjs, for the tests that import it (the parts of the schema they read).
/** An event, CSS property or part of a declaration. */
export interface ManifestItem {
  name?: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
/** A declaration of a module (a class, a function, a variable). */
export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: ManifestItem[];
  cssProperties?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssStates?: ManifestItem[];
  members?: (ManifestItem & { privacy?: string; kind: string })[];
}
/** A module of the manifest. */
export interface ManifestModule {
  path: string;
  declarations?: ManifestDeclaration[];
}
/** custom-elements.json. */
export interface Manifest {
  modules: ManifestModule[];
}
export declare function analyzeManifest(): Promise<Manifest>;
