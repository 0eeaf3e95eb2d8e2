"""`manage.py restore ARCHIVE` (`make restore ARCHIVE=…`): a backup onto this installation."""

from django.core.management.base import BaseCommand, CommandError

from xxgk.backup.services import BackupError, restore_backup


class Command(BaseCommand):
    help = "从备份归档恢复数据库和上传文件。目标数据库已有数据时须加 --force。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="backup 命令写出的 tar.gz 归档")
        parser.add_argument("--force", action="store_true", help="覆盖已有数据的数据库")

    def handle(self, *args, archive, force=False, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"已从 {archive} 恢复（备份时间 {manifest['created_at']}，"
            f"{len(manifest['files']) - 1} 个文件）。"
        )
