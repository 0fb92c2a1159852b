export { ClassificationCodeEntity, FinalDisposition } from './classification-code.entity';
export { ClassificationService } from './classification.service';
export { ClassificationModule } from './classification.module';
export { ClassificationCodeType } from './classification.types';
