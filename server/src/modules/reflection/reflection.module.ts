import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppointmentsModule } from '../appointments/appointments.module';
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
    AppointmentsModule,
  ],
  controllers: [ReflectionController],
  providers: [ReflectionRepository, ReflectionService],
  exports: [ReflectionService],
})
export class ReflectionModule {}
