// The NestJS server serves the H5 build and the API on one origin.
export const DEFAULT_API_BASE = '/api';
