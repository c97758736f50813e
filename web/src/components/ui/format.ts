// Display formatting lives in domain/format.ts (pure, shared with the map, the
// manifest and the explanations); components import it from here as before.
export * from '../../domain/format';
