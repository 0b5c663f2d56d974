/**
 * The engine version (SPEC 1: output is a function of the scenario and the engine version only).
 * Raise it whenever output bytes change on purpose, i.e. whenever golden hashes are updated; it is
 * written to every manifest (SPEC 13.4) so a file can be traced to the engine that made it.
 */
export const ENGINE_VERSION = 3;
