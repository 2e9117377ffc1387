import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Capped pushes sent to a user on one center day; incremented atomically below the cap. */
@Entity({ name: 'notification_push_counters' })
export class PushCounterEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_notification_push_counters',
  })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'pk_notification_push_counters' })
  day: string;

  @Column({ type: 'integer' })
  pushes: number;
}
