import { ApiProperty } from '@nestjs/swagger';
import { type Locale, Locale as Locales, type MetaOption, type MetaResponse } from '@careerside/shared';

export class MetaOptionDto implements MetaOption {
  @ApiProperty({ example: 'aerospace' })
  code: string;

  @ApiProperty({ example: '航空航天' })
  label: string;
}

export class MetaResponseDto implements MetaResponse {
  @ApiProperty({ enum: Object.values(Locales) })
  locale: Locale;

  @ApiProperty({ example: 'Asia/Shanghai', description: "The center's IANA time zone" })
  timezone: string;

  @ApiProperty({
    example: 480,
    description:
      "Minutes the center's clock is ahead of UTC now (-300 for New York in winter); in a zone with DST, the offset in force at the time of the request",
  })
  utcOffsetMinutes: number;

  @ApiProperty({ type: [MetaOptionDto] })
  topics: MetaOptionDto[];

  @ApiProperty({ type: [MetaOptionDto] })
  industries: MetaOptionDto[];

  @ApiProperty({ type: [MetaOptionDto] })
  keySectors: MetaOptionDto[];

  @ApiProperty({ type: [MetaOptionDto] })
  degrees: MetaOptionDto[];

  @ApiProperty({ type: [MetaOptionDto] })
  employerTypes: MetaOptionDto[];

  @ApiProperty({ type: [MetaOptionDto] })
  appointmentModes: MetaOptionDto[];

  @ApiProperty({ description: 'True when POST /api/auth/dev-login is honoured (never in production)' })
  devLogin: boolean;
}
