import { Text, View } from '@tarojs/components';
import { DEGREES, Role, type UserDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { RoleBadge } from '@/components/role-badge';
import './index.scss';

/** Name, role and the study details of the signed-in user. */
export function UserCard({ user }: { user: UserDto }) {
  const { t, label } = useI18n();
  const { profile } = user;
  const name = profile.name ?? user.name;
  const details = [
    profile.college,
    profile.major,
    profile.degree ? label(DEGREES, profile.degree) : null,
    profile.graduationYear ? format(t.me.graduationYearValue, { year: profile.graduationYear }) : null,
  ].filter((value): value is string => Boolean(value));

  return (
    <View className="user-card">
      <View className="user-card__avatar">
        <Text>{(name ?? '?').slice(0, 1).toUpperCase()}</Text>
      </View>
      <View className="user-card__body">
        <View className="user-card__heading">
          <Text className={`user-card__name ${name ? '' : 'user-card__name--missing'}`}>
            {name ?? t.me.unnamed}
          </Text>
          <RoleBadge role={user.role} />
        </View>
        {details.length ? (
          <Text className="user-card__details">{details.join(' · ')}</Text>
        ) : user.role === Role.Student ? (
          <Text className="user-card__details user-card__details--missing">{t.me.profileIncomplete}</Text>
        ) : (
          <Text className="user-card__details">{t.app.center}</Text>
        )}
        {profile.studentNumber ? (
          <Text className="user-card__number">
            {t.profile.studentNumber} {profile.studentNumber}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
