import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A guided question of the Career Reflection Room, attached to a hall. */
@Entity({ name: 'reflection_prompts' })
@Index('idx_reflection_prompts_hall_id_position', ['hallId', 'position'])
export class ReflectionPromptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_reflection_prompts' })
  id: string;

  @Column({ name: 'hall_id', type: 'varchar', length: 36 })
  hallId: string;

  @Column({ type: 'varchar', length: 200 })
  text: string;

  @Column({ type: 'integer' })
  position: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** A student's answer to a prompt: theirs alone unless they share it with their counselor. */
@Entity({ name: 'reflections' })
@Index('idx_reflections_user_id_created_at', ['userId', 'createdAt'])
@Index('idx_reflections_user_id_shared_with_counselor', ['userId', 'sharedWithCounselor'])
export class ReflectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, primaryKeyConstraintName: 'pk_reflections' })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'prompt_id', type: 'varchar', length: 36 })
  promptId: string;

  @Column({ name: 'hall_id', type: 'varchar', length: 36 })
  hallId: string;

  @Column({ name: 'exhibit_id', type: 'varchar', length: 36, nullable: true })
  exhibitId: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'shared_with_counselor', type: 'boolean' })
  sharedWithCounselor: boolean;

  @Column({ name: 'shared_at', type: 'datetime', nullable: true })
  sharedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
