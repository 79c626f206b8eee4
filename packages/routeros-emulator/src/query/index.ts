export { matchesQuery, type PrintedRow, parseQuery, type QueryOp, type QueryParse } from './query';
