import { Connection } from '@gesit/platform';
import { UserType } from '../users/user.type';

export const PersonConnection = Connection(UserType, 'Person');
