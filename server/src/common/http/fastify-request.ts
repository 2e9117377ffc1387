import type { UserEntity } from '../../modules/users/user.entity';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access-token guard on authenticated routes. */
    user?: UserEntity;
  }
}
