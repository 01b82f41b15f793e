// The application menu (Vietnamese labels; the UI itself switches language).
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(win: () => BrowserWindow | null, actions: { openWorkspace: () => void; closeWorkspace: () => void; dataDir: string }): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Mở bộ hồ sơ…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { label: 'Đóng bộ hồ sơ', click: actions.closeWorkspace },
        { type: 'separator' },
        { label: 'Mở thư mục dữ liệu ứng dụng', click: () => void shell.openPath(actions.dataDir) },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Tải lại', role: 'reload' },
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ mặc định', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'Công cụ phát triển', role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [
        {
          label: 'Giới thiệu KiemChung',
          click: () => {
            const w = win();
            const opts = { type: 'info' as const, title: 'KiemChung', message: `KiemChung ${app.getVersion()}`, detail: 'Tập hợp và kiểm tra tài liệu kiểm chứng Chỉ số CCHC.' };
            void (w ? dialog.showMessageBox(w, opts) : dialog.showMessageBox(opts));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
