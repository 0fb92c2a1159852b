export { StoredFileEntity } from './stored-file.entity';
