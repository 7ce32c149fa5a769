export * from './networks';
export * from './interactions';
export * from './limits';
export * from './roles';
export * from './campaigns';
export * from './score-bands';
export * from './authenticity';
export * from './people-csv';
