export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { status: 'ok' | 'down'; type: 'sqlite' | 'mysql'; latencyMs: number };
  redis: { status: 'ok' | 'down' | 'disabled' };
  version: string;
  uptimeSeconds: number;
}
