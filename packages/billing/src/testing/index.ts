// fast-check arbitraries for @isp/billing (optional peer dependency: fast-check).
export * from './arbitraries';
