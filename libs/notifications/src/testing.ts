// Test helpers: imported by e2e suites, never by production code. The delivery ledger and the live topic
// are the library's own business; tests reach them to stage a crash mid-delivery and to see a subscriber arrive,
// and the in-process delivery to run it without a reminder wave.
export { CLAIM_SECONDS, DeliveryLedger } from './delivery-ledger';
export { notificationTopic } from './live.channel';
export { NotificationDeliveryService } from './notification-delivery.service';
