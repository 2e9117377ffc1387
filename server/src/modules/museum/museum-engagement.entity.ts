import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MuseumReaction } from '@careerside/shared';

/** A like or a favourite: one row per (student, exhibit, kind), so repeating it changes nothing. */
@Entity({ name: 'museum_reactions' })
@Index('idx_museum_reactions_user_id_kind_created_at', ['userId', 'kind', 'createdAt'])
@Index('idx_museum_reactions_exhibit_id', ['exhibitId'])
export class MuseumReactionEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_reactions',
  })
  userId: string;

  @PrimaryColumn({
    name: 'exhibit_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_reactions',
  })
  exhibitId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_museum_reactions' })
  kind: MuseumReaction;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** The last time a student opened an exhibit: "continue your tour" and "recently viewed". */
@Entity({ name: 'museum_visits' })
@Index('idx_museum_visits_user_id_visited_at', ['userId', 'visitedAt'])
export class MuseumVisitEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_visits',
  })
  userId: string;

  @PrimaryColumn({
    name: 'exhibit_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_visits',
  })
  exhibitId: string;

  @Column({ name: 'visited_at', type: 'datetime', precision: 3 })
  visitedAt: Date;
}

/** A student following a hall hears of each exhibit published in it. */
@Entity({ name: 'museum_hall_follows' })
@Index('idx_museum_hall_follows_hall_id', ['hallId'])
export class MuseumHallFollowEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_hall_follows',
  })
  userId: string;

  @PrimaryColumn({
    name: 'hall_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_museum_hall_follows',
  })
  hallId: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
