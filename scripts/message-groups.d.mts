// Types of scripts/message-groups.mjs for the TypeScript tests that import it.

/** The entries of a lit-localize locale module: id → the template's source text. */
export declare function readTemplates(source: string): Map<string, string>;
/** The message ids each element class's module graph uses, by element name. */
export declare function messageIdsByElement(root: string): Promise<Map<string, Set<string>>>;
/** Writes each element's locale modules and loaders under src/generated/. */
export declare function writeMessageGroups(root: string): Promise<void>;
/** The source (English) template of every message, by id, as the code's msg() calls write it. */
export declare function sourceTemplates(root: string): Promise<Map<string, string>>;
