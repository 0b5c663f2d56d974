/** Scenario: types, presets, jurisdictions, instants, validation and serialisation (SPEC 2, 13.1, 15). */
export * from './types';
export * from './presets';
export * from './jurisdictions';
export * from './instant';
export * from './counts';
export * from './errors';
export * from './messages';
export * from './window';
export * from './validate';
export * from './serialize';
