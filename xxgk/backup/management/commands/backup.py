"""`manage.py backup` (`make backup`): an archive of the running site's database and uploads."""

from django.core.management.base import BaseCommand, CommandError

from xxgk.backup.services import BackupError, create_backup


class Command(BaseCommand):
    help = "备份数据库和上传文件（网站运行时亦可），写成一个 tar.gz 归档。"

    def add_arguments(self, parser):
        parser.add_argument("--output", help="归档路径，默认 var/backups/xxgk-时间.tar.gz")

    def handle(self, *args, output=None, **options):
        try:
            path, manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["row_counts"].values())
        files = len(manifest["files"]) - 1
        self.stdout.write(f"已备份到 {path}（{rows} 行数据，{files} 个文件）。")
