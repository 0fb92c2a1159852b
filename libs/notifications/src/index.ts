export { NotificationEntity } from './notification.entity';
