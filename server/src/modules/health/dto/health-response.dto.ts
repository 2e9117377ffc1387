import { ApiProperty } from '@nestjs/swagger';
import type { HealthResponse } from '@careerside/shared';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['ok', 'down'] })
  status: 'ok' | 'down';

  @ApiProperty({ enum: ['sqlite', 'mysql'] })
  type: 'sqlite' | 'mysql';

  @ApiProperty({ example: 0.4 })
  latencyMs: number;
}

class RedisHealthDto {
  @ApiProperty({ enum: ['ok', 'down', 'disabled'], description: 'disabled when REDIS_URL is not set' })
  status: 'ok' | 'down' | 'disabled';
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'degraded: the database answers but Redis does not' })
  status: 'ok' | 'degraded';

  @ApiProperty({ type: DatabaseHealthDto })
  database: DatabaseHealthDto;

  @ApiProperty({ type: RedisHealthDto })
  redis: RedisHealthDto;

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty({ example: 3600 })
  uptimeSeconds: number;
}
