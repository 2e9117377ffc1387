import { ApiProperty } from '@nestjs/swagger';
import {
  DEGREES,
  type Degree,
  ROLES,
  type Role,
  type StudentProfile,
  taxonomyCodes,
  type UserDto,
} from '@careerside/shared';

export class StudentProfileResponseDto implements StudentProfile {
  @ApiProperty({ type: String, nullable: true, example: '李同学' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2022010123' })
  studentNumber: string | null;

  @ApiProperty({ type: String, nullable: true, example: '计算机科学与技术学院' })
  college: string | null;

  @ApiProperty({ type: String, nullable: true, example: '软件工程' })
  major: string | null;

  @ApiProperty({ enum: taxonomyCodes(DEGREES), nullable: true, example: 'bachelor' })
  degree: Degree | null;

  @ApiProperty({ type: Number, nullable: true, example: 2026 })
  graduationYear: number | null;
}

export class UserResponseDto implements UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For counselors: the advisor profile they act for',
  })
  advisorId: string | null;

  @ApiProperty({ type: StudentProfileResponseDto })
  profile: StudentProfileResponseDto;

  @ApiProperty({ description: 'Name, college, degree and graduation year are filled in' })
  profileComplete: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class UserListResponseDto {
  @ApiProperty({ type: [UserResponseDto] })
  items: UserResponseDto[];

  @ApiProperty({ example: 42 })
  total: number;
}
