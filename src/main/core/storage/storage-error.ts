/** Why the database cannot be used. The file is never deleted or rewritten in these cases. */
export type StorageErrorCode = 'DB_DAMAGED' | 'DB_TOO_NEW';

/** A database that cannot be opened; its message is meant for the user. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
