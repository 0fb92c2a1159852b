import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StoredFile', { description: "A file held in object storage. Upload with POST /files (multipart field 'file')." })
export class StoredFileType {
  @Field(() => ID)
  id: string;

  @Field()
  filename: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  size: number;

  @Field()
  sha256: string;

  @Field({ description: 'Short-lived URL that serves the bytes; issued only to users allowed to read the file.' })
  downloadUrl: string;

  @Field()
  createdAt: Date;
}
