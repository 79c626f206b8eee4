export type { TakenIps } from './taken.js';
