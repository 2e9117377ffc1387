import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media/media.module';
import { MuseumModule } from '../museum/museum.module';
import { UsersModule } from '../users/users.module';
import { ReflectionController } from './reflection.controller';
import { ReflectionEntity, ReflectionPromptEntity } from './reflection.entity';
import { ReflectionRepository } from './reflection.repository';
import { ReflectionService } from './reflection.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReflectionPromptEntity, ReflectionEntity]),
    MuseumModule,
    MediaModule,
    UsersModule,
  ],
  controllers: [ReflectionController],
  providers: [ReflectionRepository, ReflectionService],
  exports: [ReflectionService],
})
export class ReflectionModule {}
