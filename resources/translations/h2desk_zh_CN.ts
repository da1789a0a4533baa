<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Activities</name>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备忘</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>YYYY-MM-DD (empty: none)</source>
        <translation>YYYY-MM-DD（留空：无需跟进）</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>跟进已完成</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>会见人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纪要</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>跟进状态</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>编辑拜访记录</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新增拜访记录</translation>
    </message>
    <message>
        <source>Please correct the marked fields:</source>
        <translation>请更正标红的字段：</translation>
    </message>
</context>
<context>
    <name>AnswerDelegate</name>
    <message>
        <source>— choose a level —</source>
        <translation>— 请选择等级 —</translation>
    </message>
    <message>
        <source>{label} ({score}%)</source>
        <translation>{label}（{score}%）</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>enter a number ({unit})</source>
        <translation>请输入数值（{unit}）</translation>
    </message>
    <message>
        <source>enter a number</source>
        <translation>请输入数值</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>H2 Credit Desk</source>
        <translation>氢能信贷工作台</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Password check failed</source>
        <translation>密码校验失败</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解除账户锁定</translation>
    </message>
    <message>
        <source>Screen unlock failed</source>
        <translation>屏幕解锁失败</translation>
    </message>
    <message>
        <source>Administrator created (first run)</source>
        <translation>创建管理员（首次运行）</translation>
    </message>
    <message>
        <source>User deactivated</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User reactivated</source>
        <translation>重新启用用户</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>写入备份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Personal data shown in full</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <source>Clients imported</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Clients exported</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Demo portfolio written</source>
        <translation>写入演示数据</translation>
    </message>
    <message>
        <source>Scorecard saved</source>
        <translation>保存评分结果</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Follow-up completed</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Financial statement</source>
        <translation>财务报表</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>贷款业务</translation>
    </message>
    <message>
        <source>Deal stage</source>
        <translation>业务阶段</translation>
    </message>
    <message>
        <source>Security / guarantee</source>
        <translation>担保措施</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>资料清单项</translation>
    </message>
    <message>
        <source>Credit memo</source>
        <translation>授信报告</translation>
    </message>
    <message>
        <source>Reference item</source>
        <translation>参考数据项</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{entity} {verb}</source>
        <translation>{entity}·{verb}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Anyone</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Record type:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <source>Record id:</source>
        <translation>记录编号：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>起始日期：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>full id of the record</source>
        <translation>记录的完整编号</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>Entry {seq}</source>
        <translation>第 {seq} 条记录</translation>
    </message>
    <message>
        <source>Time: {time}</source>
        <translation>时间：{time}</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>用户：{user}</translation>
    </message>
    <message>
        <source>Action: {action}</source>
        <translation>操作：{action}</translation>
    </message>
    <message>
        <source>Record: {entity} {id}</source>
        <translation>记录：{entity} {id}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>变更前：</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>变更后：</translation>
    </message>
    <message>
        <source>Hash: {hash}</source>
        <translation>哈希：{hash}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>{n} entries exported to {path}.</source>
        <translation>已将 {n} 条记录导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Unknown user name</source>
        <translation>未知用户名</translation>
    </message>
    <message>
        <source>Command line ({account})</source>
        <translation>命令行（{account}）</translation>
    </message>
</context>
<context>
    <name>BatchScoringDialog</name>
    <message>
        <source>Batch scoring</source>
        <translation>批量评分</translation>
    </message>
    <message>
        <source>Score many clients at once</source>
        <translation>一次为多个客户评分</translation>
    </message>
    <message>
        <source>Batch results are not snapshots: nothing is saved in the database. Judgement questions are unanswered here and get their missing-data score, so totals are lower than a full score by the RM. Export the table to keep it.</source>
        <translation>批量评分结果不是评分记录，不会保存到数据库。此处客户经理判断项均未回答，按数据缺失计分，因此总分低于客户经理完整评分。如需留存请导出表格。</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>客户范围：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>评分卡模板：</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>开始评分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The whole portfolio</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>All clients of type: {type}</source>
        <translation>企业类型为“{type}”的全部客户</translation>
    </message>
    <message>
        <source>The client list as filtered now ({n} clients)</source>
        <translation>客户列表当前筛选结果（{n} 户）</translation>
    </message>
    <message>
        <source>By each client&apos;s enterprise type</source>
        <translation>按各客户企业类型自动选择</translation>
    </message>
    <message>
        <source>{name} ({code} {version}) for everyone</source>
        <translation>全部使用 {name}（{code} {version}）</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>正在评分…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Scored {done} of {total} clients…</source>
        <translation>已评分 {done} / {total} 户…</translation>
    </message>
    <message>
        <source>{n} clients scored.</source>
        <translation>已完成 {n} 户客户的评分。</translation>
    </message>
    <message>
        <source>Grades: {counts}</source>
        <translation>评级分布：{counts}</translation>
    </message>
    <message>
        <source>mean total {mean}</source>
        <translation>平均总分 {mean}</translation>
    </message>
    <message>
        <source>Batch scoring failed: {problem}</source>
        <translation>批量评分失败：{problem}</translation>
    </message>
    <message>
        <source>Cancelled; no results were kept.</source>
        <translation>已取消，未保留任何结果。</translation>
    </message>
    <message>
        <source>Export batch scores</source>
        <translation>导出批量评分结果</translation>
    </message>
    <message>
        <source>batch-scores.xlsx</source>
        <translation>批量评分.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Writing {n} rows…</source>
        <translation>正在写入 {n} 行…</translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation>文件无法写入：{problem}</translation>
    </message>
    <message>
        <source>{n} rows were exported to {path}.</source>
        <translation>已将 {n} 行导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>BusyDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Invalid command line: {message}</source>
        <translation>命令行参数无效：{message}</translation>
    </message>
    <message>
        <source>must be a whole number, got {value!r}</source>
        <translation>必须是整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be between 1 and {maximum:,}, got {value:,}</source>
        <translation>必须在 1 到 {maximum:,} 之间，实际为 {value:,}</translation>
    </message>
    <message>
        <source>H2 Credit Desk: client book, scorecards, loan pipeline and credit memos.</source>
        <translation>氢能信贷工作台：客户档案、评分卡、贷款管道与授信报告。</translation>
    </message>
    <message>
        <source>database file to open (created if absent)</source>
        <translation>要打开的数据库文件（不存在时自动创建）</translation>
    </message>
    <message>
        <source>open the app on the demo portfolio (kept apart from real data)</source>
        <translation>打开演示数据（与真实数据分开存放）</translation>
    </message>
    <message>
        <source>language of the app and of these messages</source>
        <translation>程序界面及提示信息的语言</translation>
    </message>
    <message>
        <source>check that the app, its database and its PDF font work, then exit</source>
        <translation>检查程序、数据库和 PDF 字体是否正常，然后退出</translation>
    </message>
    <message>
        <source>database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>write the fictional demo portfolio into an empty database</source>
        <translation>向空数据库写入虚构的演示数据</translation>
    </message>
    <message>
        <source>number of clients (1 to 1,000,000; default 300)</source>
        <translation>客户数量（1 至 1,000,000；默认 300）</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same portfolio</source>
        <translation>随机种子；相同种子生成相同的数据</translation>
    </message>
    <message>
        <source>check integrity, foreign keys and schema version</source>
        <translation>检查完整性、外键和数据库结构版本</translation>
    </message>
    <message>
        <source>copy the database safely to a file</source>
        <translation>将数据库安全地备份到文件</translation>
    </message>
    <message>
        <source>backup file to write</source>
        <translation>要写入的备份文件</translation>
    </message>
    <message>
        <source>replace the database with a verified backup</source>
        <translation>用经过校验的备份替换数据库</translation>
    </message>
    <message>
        <source>backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>audit trail commands</source>
        <translation>审计日志命令</translation>
    </message>
    <message>
        <source>check that the audit trail&apos;s hash chain is intact</source>
        <translation>校验审计日志的哈希链是否完整</translation>
    </message>
    <message>
        <source>import data from a file</source>
        <translation>从文件导入数据</translation>
    </message>
    <message>
        <source>import clients, contacts and financials from .xlsx or .csv</source>
        <translation>从 .xlsx 或 .csv 导入客户、联系人和财务数据</translation>
    </message>
    <message>
        <source>.xlsx, .xls or .csv file</source>
        <translation>.xlsx、.xls 或 .csv 文件</translation>
    </message>
    <message>
        <source>where to write the rejected rows (.xlsx or .csv; default FILE-errors.csv)</source>
        <translation>被拒绝行的报告写到哪里（.xlsx 或 .csv；默认 FILE-errors.csv）</translation>
    </message>
    <message>
        <source>update clients that already exist (same USCC)</source>
        <translation>更新已存在的客户（统一社会信用代码相同）</translation>
    </message>
    <message>
        <source>export data to a file</source>
        <translation>将数据导出到文件</translation>
    </message>
    <message>
        <source>export clients to .xlsx or .csv (personal data masked)</source>
        <translation>将客户导出为 .xlsx 或 .csv（个人信息已脱敏）</translation>
    </message>
    <message>
        <source>.xlsx or .csv file to write</source>
        <translation>要写入的 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>score one client on a pre-credit scorecard (nothing is saved)</source>
        <translation>按预授信评分卡为一个客户评分（不保存）</translation>
    </message>
    <message>
        <source>the client&apos;s unified social credit code (or record id)</source>
        <translation>客户的统一社会信用代码（或记录编号）</translation>
    </message>
    <message>
        <source>scorecard template code (default: by the client&apos;s firm type)</source>
        <translation>评分卡模板代码（默认按客户企业类型选择）</translation>
    </message>
    <message>
        <source>a judgement answer, e.g. tech_level=national (repeatable)</source>
        <translation>客户经理判断项答案，如 tech_level=national（可重复）</translation>
    </message>
    <message>
        <source>print the result as JSON with every factor</source>
        <translation>以 JSON 输出结果，含每个评分因子</translation>
    </message>
    <message>
        <source>--db PATH is required for this command</source>
        <translation>此命令需要 --db PATH 参数</translation>
    </message>
    <message>
        <source>Database file not found: {path}</source>
        <translation>找不到数据库文件：{path}</translation>
    </message>
    <message>
        <source>This is a folder, not a database file: {path}</source>
        <translation>这是一个文件夹，不是数据库文件：{path}</translation>
    </message>
    <message>
        <source>The database is on a network drive, where SQLite can corrupt it. Copy it to a local disk: {path}</source>
        <translation>数据库位于网络驱动器上，SQLite 在网络驱动器上可能损坏数据。请将其复制到本地磁盘：{path}</translation>
    </message>
    <message>
        <source>This file is not an H2 Credit Desk database: {path}</source>
        <translation>该文件不是氢能信贷工作台的数据库：{path}</translation>
    </message>
    <message>
        <source>The database file is damaged ({problem}). Restore it from a backup.</source>
        <translation>数据库文件已损坏（{problem}）。请从备份恢复。</translation>
    </message>
    <message>
        <source>The database was written by a newer release of H2 Credit Desk ({versions}). Install the newer release.</source>
        <translation>该数据库由更新版本的氢能信贷工作台写入（{versions}）。请安装新版本。</translation>
    </message>
    <message>
        <source>Backup or restore refused: {problem}</source>
        <translation>备份或恢复被拒绝：{problem}</translation>
    </message>
    <message>
        <source>Someone else changed this record: {problem}</source>
        <translation>该记录已被他人修改：{problem}</translation>
    </message>
    <message>
        <source>Database error: {problem}</source>
        <translation>数据库错误：{problem}</translation>
    </message>
    <message>
        <source>{path} already holds {count:,} clients; the demo portfolio is only written into an empty database. Choose a new file.</source>
        <translation>{path} 中已有 {count:,} 个客户；演示数据只能写入空数据库。请选择一个新文件。</translation>
    </message>
    <message>
        <source>Writing the demo portfolio ({clients:,} clients, seed {seed})…</source>
        <translation>正在写入演示数据（{clients:,} 个客户，种子 {seed}）…</translation>
    </message>
    <message>
        <source>Done in {seconds:.1f} s; database size {size}: {path}</source>
        <translation>完成，用时 {seconds:.1f} 秒；数据库大小 {size}：{path}</translation>
    </message>
    <message>
        <source>schema version {version} (this release: {latest})</source>
        <translation>数据库结构版本 {version}（本版本程序：{latest}）</translation>
    </message>
    <message>
        <source>The database has problems:</source>
        <translation>数据库存在以下问题：</translation>
    </message>
    <message>
        <source>Backup written: {path} ({size})</source>
        <translation>备份已写入：{path}（{size}）</translation>
    </message>
    <message>
        <source>Backup file not found: {path}</source>
        <translation>找不到备份文件：{path}</translation>
    </message>
    <message>
        <source>Restored {path} from {source}.</source>
        <translation>已从 {source} 恢复 {path}。</translation>
    </message>
    <message>
        <source>The database it replaced was kept at: {path}</source>
        <translation>被替换的原数据库已保留在：{path}</translation>
    </message>
    <message>
        <source>There was no database at that path before; nothing was replaced.</source>
        <translation>该路径原先没有数据库，未替换任何文件。</translation>
    </message>
    <message>
        <source>{rows:,} rows read: {created:,} clients created, {updated:,} updated, {contacts:,} contacts and {statements:,} statements added, {rejected:,} rows rejected.</source>
        <translation>共读取 {rows:,} 行：新建客户 {created:,} 个，更新 {updated:,} 个，新增联系人 {contacts:,} 个、财务报表 {statements:,} 份，拒绝 {rejected:,} 行。</translation>
    </message>
    <message>
        <source>{skipped:,} rows belong to clients already in the database and were left unchanged (use --update-existing to update them).</source>
        <translation>{skipped:,} 行属于数据库中已有的客户，未作改动（如需更新请加 --update-existing）。</translation>
    </message>
    <message>
        <source>The rejected rows and the reasons are in {path}</source>
        <translation>被拒绝的行及原因见 {path}</translation>
    </message>
    <message>
        <source>{count:,} clients exported to {path} (mobile and ID numbers masked).</source>
        <translation>已导出 {count:,} 个客户到 {path}（手机号和身份证号已脱敏）。</translation>
    </message>
    <message>
        <source>--answer must look like CODE=VALUE, got {item!r}</source>
        <translation>--answer 的格式应为 代码=值，收到的是 {item!r}</translation>
    </message>
    <message>
        <source>Scorecard template refused: {problem}</source>
        <translation>评分卡模板未被采用：{problem}</translation>
    </message>
    <message>
        <source>No client with USCC or id {client} in {path}</source>
        <translation>{path} 中没有统一社会信用代码或编号为 {client} 的客户</translation>
    </message>
    <message>
        <source>Knocked out: {reason}</source>
        <translation>一票否决：{reason}</translation>
    </message>
    <message>
        <source>Use either --demo or --db, not both.</source>
        <translation>--demo 与 --db 只能二选一。</translation>
    </message>
    <message>
        <source>Preparing the demo portfolio (first start only)…</source>
        <translation>正在准备演示数据（仅首次启动）…</translation>
    </message>
    <message>
        <source>--self-test cannot be combined with a command.</source>
        <translation>--self-test 不能与其他命令同时使用。</translation>
    </message>
    <message>
        <source>Cannot read or write {path}: {problem}</source>
        <translation>无法读写 {path}：{problem}</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>Unexpected error ({problem}); details were written to {path}</source>
        <translation>发生意外错误（{problem}）；详细信息已写入 {path}</translation>
    </message>
</context>
<context>
    <name>ClientDialogs</name>
    <message>
        <source>Changed by someone else</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <source>This record was changed by someone else (or in another window) after you opened it. Your changes were not saved.</source>
        <translation>您打开此记录后，它已被他人（或另一个窗口）修改。您的修改未保存。</translation>
    </message>
    <message>
        <source>Reload to see the current values, then make your changes again.</source>
        <translation>请重新加载查看最新内容，然后再次修改。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>This record was changed or deleted by someone else. Reload and try again.</source>
        <translation>此记录已被他人修改或删除。请重新加载后再试。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Choose a client</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <source>Search name or credit code</source>
        <translation>搜索企业名称或统一社会信用代码</translation>
    </message>
</context>
<context>
    <name>ClientProfileDialog</name>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Financials</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Score…</source>
        <translation>评分…</translation>
    </message>
    <message>
        <source>Pre-credit scorecard of this client</source>
        <translation>该客户的预授信评分卡</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered capital (10k CNY)</source>
        <translation>注册资本（万元）</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Enterprise type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Green-loan class</source>
        <translation>绿色贷款分类</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Value-chain segment</source>
        <translation>产业链环节</translation>
    </message>
    <message>
        <source>Technology route</source>
        <translation>技术路线</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <source>R&amp;D staff</source>
        <translation>研发人员数</translation>
    </message>
    <message>
        <source>Invention patents</source>
        <translation>发明专利数</translation>
    </message>
    <message>
        <source>Utility-model patents</source>
        <translation>实用新型专利数</translation>
    </message>
    <message>
        <source>Software copyrights</source>
        <translation>软件著作权数</translation>
    </message>
    <message>
        <source>Key patents</source>
        <translation>核心专利</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>资质认定</translation>
    </message>
    <message>
        <source>Policy programmes</source>
        <translation>政策支持</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>注册地</translation>
    </message>
    <message>
        <source>Hydrogen value chain</source>
        <translation>氢能产业链</translation>
    </message>
    <message>
        <source>Team and intellectual property</source>
        <translation>团队与知识产权</translation>
    </message>
    <message>
        <source>e.g. 5000 or 1,234.56</source>
        <translation>如 5000 或 1,234.56</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the overview (Ctrl+S)</source>
        <translation>保存概况（Ctrl+S）</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>新增联系人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show full information…</source>
        <translation>显示完整信息…</translation>
    </message>
    <message>
        <source>Show the full mobile and ID number of the selected contact (audited)</source>
        <translation>显示所选联系人的完整手机号和身份证号（记入审计日志）</translation>
    </message>
    <message>
        <source>Mobile numbers and ID numbers are masked (PIPL). Showing them asks for a reason and is recorded in the audit log.</source>
        <translation>手机号和身份证号已脱敏显示（《个人信息保护法》）。查看完整信息须说明理由，并记入审计日志。</translation>
    </message>
    <message>
        <source>Financial statements (10k CNY)</source>
        <translation>财务报表（万元）</translation>
    </message>
    <message>
        <source>Ratios</source>
        <translation>财务指标</translation>
    </message>
    <message>
        <source>Double-click a year to edit it. Ratios: debt ratio = liabilities / assets; quick ratio = (current assets − inventory) / current liabilities; ROE = net profit / (assets − liabilities); — = cannot be computed.</source>
        <translation>双击某一年度可编辑。指标：资产负债率 = 负债总额 / 资产总额；速动比率 =（流动资产 − 存货）/ 流动负债；净资产收益率 = 净利润 /（资产总额 − 负债总额）；“—”表示无法计算。</translation>
    </message>
    <message>
        <source>Add year…</source>
        <translation>新增年度…</translation>
    </message>
    <message>
        <source>Edit year…</source>
        <translation>编辑年度…</translation>
    </message>
    <message>
        <source>Delete year</source>
        <translation>删除年度</translation>
    </message>
    <message>
        <source>Add activity…</source>
        <translation>新增拜访记录…</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>标记跟进完成</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Verify files</source>
        <translation>校验文件</translation>
    </message>
    <message>
        <source>Files are copied into the application&apos;s data folder; the SHA-256 fingerprint shows whether a file was changed since it was added.</source>
        <translation>文件已复制到本程序的数据文件夹；SHA-256 指纹可核对文件添加后是否被改动。</translation>
    </message>
    <message>
        <source>Read only: your role does not allow editing this client. Ask its relationship manager or the branch head.</source>
        <translation>只读：您的角色无权编辑此客户。请联系其客户经理或支行行长。</translation>
    </message>
    <message>
        <source>(not classified)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Fill in at least the name and enterprise type, then save.</source>
        <translation>请至少填写企业名称和企业类型，然后保存。</translation>
    </message>
    <message>
        <source>Client profile — {name}</source>
        <translation>客户档案 — {name}</translation>
    </message>
    <message>
        <source>no USCC yet</source>
        <translation>尚无统一社会信用代码</translation>
    </message>
    <message>
        <source>version {n}, updated {at}</source>
        <translation>第 {n} 版，{at} 更新</translation>
    </message>
    <message>
        <source>Contacts ({n})</source>
        <translation>联系人（{n}）</translation>
    </message>
    <message>
        <source>Activities ({n})</source>
        <translation>拜访记录（{n}）</translation>
    </message>
    <message>
        <source>Attachments ({n})</source>
        <translation>附件（{n}）</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Not saved. Please correct the marked fields:</source>
        <translation>未保存。请更正标红的字段：</translation>
    </message>
    <message>
        <source>Not saved: {n} problem(s).</source>
        <translation>未保存：{n} 处问题。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Client already exists</source>
        <translation>客户已存在</translation>
    </message>
    <message>
        <source>{message}

Open the existing client instead? Your entries here are not saved.</source>
        <translation>{message}

是否改为打开已有客户？此处填写的内容不会保存。</translation>
    </message>
    <message>
        <source>Delete the contact {name}?</source>
        <translation>删除联系人 {name}？</translation>
    </message>
    <message>
        <source>Select a contact first.</source>
        <translation>请先选择一位联系人。</translation>
    </message>
    <message>
        <source>This contact has no mobile or ID number on file.</source>
        <translation>该联系人未登记手机号或身份证号。</translation>
    </message>
    <message>
        <source>Delete the financial statement of {year}?</source>
        <translation>删除 {year} 年度的财务报表？</translation>
    </message>
    <message>
        <source>Select an activity with a follow-up date first.</source>
        <translation>请先选择一条有跟进日期的记录。</translation>
    </message>
    <message>
        <source>Delete the activity of {date}?</source>
        <translation>删除 {date} 的拜访记录？</translation>
    </message>
    <message>
        <source>Add a file to the client</source>
        <translation>为客户添加文件</translation>
    </message>
    <message>
        <source>The file {path} is missing.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>These files were changed or are missing:
{files}</source>
        <translation>以下文件已被改动或缺失：
{files}</translation>
    </message>
    <message>
        <source>Remove {file} from the client? (The stored copy is kept for audit.)</source>
        <translation>从客户档案中移除 {file}？（存档副本保留备查。）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>The overview has unsaved changes. Save them before closing?</source>
        <translation>概况有未保存的修改。关闭前保存吗？</translation>
    </message>
</context>
<context>
    <name>ClientProfileModels</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Consent to contact</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>Yes ({date})</source>
        <translation>是（{date}）</translation>
    </message>
    <message>
        <source>Debt ratio</source>
        <translation>资产负债率</translation>
    </message>
    <message>
        <source>Current ratio</source>
        <translation>流动比率</translation>
    </message>
    <message>
        <source>Quick ratio</source>
        <translation>速动比率</translation>
    </message>
    <message>
        <source>Net margin</source>
        <translation>净利润率</translation>
    </message>
    <message>
        <source>Return on equity</source>
        <translation>净资产收益率</translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation>营业收入增长率</translation>
    </message>
    <message>
        <source>R&amp;D intensity</source>
        <translation>研发投入强度</translation>
    </message>
    <message>
        <source>Audited</source>
        <translation>已审计</translation>
    </message>
    <message>
        <source>negative equity</source>
        <translation>净资产为负</translation>
    </message>
    <message>
        <source>{date} (done)</source>
        <translation>{date}（已完成）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>会见人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纪要</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>changed or missing</source>
        <translation>已改动或缺失</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Client</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>产业链环节</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>最近更新</translation>
    </message>
</context>
<context>
    <name>Clients</name>
    <message>
        <source>This client no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>The file {path} does not exist or is not a file.</source>
        <translation>文件 {path} 不存在或不是文件。</translation>
    </message>
    <message>
        <source>The description is too long (at most 1000 characters).</source>
        <translation>说明过长（最多 1000 个字符）。</translation>
    </message>
    <message>
        <source>The file is too large (at most {mb} MB).</source>
        <translation>文件过大（最多 {mb} MB）。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read or copied: {problem}</source>
        <translation>无法读取或复制文件 {path}：{problem}</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>必须为文字。</translation>
    </message>
    <message>
        <source>A client with this Unified Social Credit Code already exists: {name}.</source>
        <translation>已存在使用该统一社会信用代码的客户：{name}。</translation>
    </message>
    <message>
        <source>Contains an invalid character.</source>
        <translation>包含无效字符。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Must not be more than {max}.</source>
        <translation>不能超过 {max}。</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>请选择“是”或“否”。</translation>
    </message>
    <message>
        <source>{value} is not a real date (YYYY-MM-DD).</source>
        <translation>{value} 不是有效日期（格式 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The date {value} is in the future.</source>
        <translation>日期 {value} 晚于今天。</translation>
    </message>
    <message>
        <source>The date {value} is before 1900.</source>
        <translation>日期 {value} 早于 1900 年。</translation>
    </message>
    <message>
        <source>Must be a list of codes.</source>
        <translation>必须为代码列表。</translation>
    </message>
    <message>
        <source>Unknown entries: {codes}.</source>
        <translation>未知条目：{codes}。</translation>
    </message>
    <message>
        <source>Enter a whole number of yuan.</source>
        <translation>请输入整数金额（元）。</translation>
    </message>
    <message>
        <source>The amount is too large (at most 100,000,000 万元).</source>
        <translation>金额过大（最多 100,000,000 万元）。</translation>
    </message>
    <message>
        <source>Must be a list of patents.</source>
        <translation>必须为专利列表。</translation>
    </message>
    <message>
        <source>At most {max} key patents.</source>
        <translation>核心专利最多 {max} 项。</translation>
    </message>
    <message>
        <source>Patent {n}: must have a title, number and kind.</source>
        <translation>第 {n} 项专利：须包含名称、专利号和类型。</translation>
    </message>
    <message>
        <source>Patent {n}: the title is required.</source>
        <translation>第 {n} 项专利：名称为必填项。</translation>
    </message>
    <message>
        <source>Patent {n}: the title or number is too long.</source>
        <translation>第 {n} 项专利：名称或专利号过长。</translation>
    </message>
    <message>
        <source>Patent {n}: unknown kind {kind}.</source>
        <translation>第 {n} 项专利：未知类型 {kind}。</translation>
    </message>
    <message>
        <source>Choose a status from the list.</source>
        <translation>请从列表中选择客户状态。</translation>
    </message>
    <message>
        <source>The Unified Social Credit Code is required unless the client is a prospect.</source>
        <translation>除潜在客户外，统一社会信用代码为必填项。</translation>
    </message>
    <message>
        <source>Choose an enterprise type from the list.</source>
        <translation>请从列表中选择企业类型。</translation>
    </message>
    <message>
        <source>Choose a value-chain segment from the list.</source>
        <translation>请从列表中选择产业链环节。</translation>
    </message>
    <message>
        <source>Choose a technology route from the list.</source>
        <translation>请从列表中选择技术路线。</translation>
    </message>
    <message>
        <source>Choose the segment of the technology route.</source>
        <translation>请选择该技术路线所属的产业链环节。</translation>
    </message>
    <message>
        <source>The technology route {route} does not belong to {segment}.</source>
        <translation>技术路线“{route}”不属于“{segment}”环节。</translation>
    </message>
    <message>
        <source>R&amp;D staff cannot exceed the employees.</source>
        <translation>研发人员数不能超过员工人数。</translation>
    </message>
    <message>
        <source>Choose a green-loan classification from the list.</source>
        <translation>请从列表中选择绿色贷款分类。</translation>
    </message>
    <message>
        <source>The owner is not an active user.</source>
        <translation>客户经理不是有效的在用用户。</translation>
    </message>
    <message>
        <source>Enter the date the contact gave consent.</source>
        <translation>请填写联系人同意联系的日期。</translation>
    </message>
    <message>
        <source>A consent date needs the consent to be ticked.</source>
        <translation>填写同意日期时须勾选“同意联系”。</translation>
    </message>
    <message>
        <source>The fiscal year must be between {low} and {high}.</source>
        <translation>会计年度须在 {low} 至 {high} 之间。</translation>
    </message>
    <message>
        <source>Current assets cannot exceed total assets.</source>
        <translation>流动资产不能超过资产总额。</translation>
    </message>
    <message>
        <source>Current liabilities cannot exceed total liabilities.</source>
        <translation>流动负债不能超过负债总额。</translation>
    </message>
    <message>
        <source>Inventory cannot exceed current assets.</source>
        <translation>存货不能超过流动资产。</translation>
    </message>
    <message>
        <source>Cash cannot exceed current assets.</source>
        <translation>货币资金不能超过流动资产。</translation>
    </message>
    <message>
        <source>Inventory plus cash cannot exceed current assets.</source>
        <translation>存货与货币资金之和不能超过流动资产。</translation>
    </message>
    <message>
        <source>R&amp;D expense is more than {n} times revenue; check the units (万元 or yuan).</source>
        <translation>研发费用超过营业收入的 {n} 倍，请检查单位（万元或元）。</translation>
    </message>
    <message>
        <source>There is already a statement for {year}; edit that one.</source>
        <translation>{year} 年度的报表已存在，请编辑该报表。</translation>
    </message>
    <message>
        <source>Choose visit, call, meeting or note.</source>
        <translation>请选择拜访、电话、会议或备注。</translation>
    </message>
    <message>
        <source>The follow-up cannot be before the activity.</source>
        <translation>跟进日期不能早于本次活动日期。</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>All segments</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All RMs</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>全部评级</translation>
    </message>
    <message>
        <source>{shown} of {total} clients</source>
        <translation>{shown} / {total} 家客户</translation>
    </message>
    <message>
        <source>{shown} clients</source>
        <translation>共 {shown} 家客户</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Select a client in the list first.</source>
        <translation>请先在列表中选择一个客户。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The list is empty.</source>
        <translation>列表为空。</translation>
    </message>
    <message>
        <source>clients.xlsx</source>
        <translation>客户清单.xlsx</translation>
    </message>
    <message>
        <source>Export {n} clients</source>
        <translation>导出 {n} 家客户</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Mobile and ID numbers are exported masked. Export them in full instead? (You will be asked for a reason; it is audited.)</source>
        <translation>手机号和身份证号默认脱敏导出。是否改为导出完整信息？（须说明理由，并记入审计日志。）</translation>
    </message>
    <message>
        <source>the exported contacts</source>
        <translation>导出的联系人</translation>
    </message>
    <message>
        <source>Writing {n} clients…</source>
        <translation>正在写入 {n} 家客户…</translation>
    </message>
    <message>
        <source>{n} clients were exported to {path}.</source>
        <translation>已将 {n} 家客户导出到 {path}。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>客户总数</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Open follow-ups whose date is today or earlier</source>
        <translation>跟进日期为今天或更早、尚未完成的跟进事项</translation>
    </message>
    <message>
        <source>Search name, credit code, contact or notes (Ctrl+F)</source>
        <translation>搜索企业名称、信用代码、联系人或备注（Ctrl+F）</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the clients in the list (personal data masked)</source>
        <translation>导出列表中的客户（个人信息脱敏）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Score…</source>
        <translation>评分…</translation>
    </message>
    <message>
        <source>Pre-credit scorecard of the selected client</source>
        <translation>选中客户的预授信评分卡</translation>
    </message>
    <message>
        <source>Copy the selected rows for Excel or WPS (Ctrl+C)</source>
        <translation>复制所选行，可粘贴到 Excel 或 WPS（Ctrl+C）</translation>
    </message>
    <message>
        <source>Value-chain segment</source>
        <translation>产业链环节</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Enterprise type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latest scorecard grade</source>
        <translation>最近一次评分卡评级</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Only clients with an open follow-up due today or earlier</source>
        <translation>只显示跟进日期在今天或之前且未完成的客户</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Consent to contact</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>The person agreed to be contacted (PIPL)</source>
        <translation>本人已同意接受联系（《个人信息保护法》）</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Shown masked; type a new value to replace it.</source>
        <translation>当前为脱敏显示；输入新值即可替换。</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>Please correct the marked fields:</source>
        <translation>请更正标红的字段：</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>H2 Credit Desk — unexpected error</source>
        <translation>氢能信贷工作台 — 意外错误</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

You can keep working; if something looks wrong, save your work and restart. The details were written to:
{log}</source>
        <translation>发生了意外错误：{error}

您可以继续工作；如发现异常，请保存工作后重新启动程序。详细信息已写入：
{log}</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The number of demo clients must be between 1 and {max}.</source>
        <translation>演示客户数量必须在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>The database already holds clients; the demo portfolio can only be written into an empty database.</source>
        <translation>数据库中已有客户；演示数据只能写入空数据库。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Choose a file name ending in .xlsx or .csv, not “{name}”.</source>
        <translation>请选择以 .xlsx 或 .csv 结尾的文件名，而不是“{name}”。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>FinancialChart</name>
    <message>
        <source>Revenue and net profit (10k CNY)</source>
        <translation>营业收入与净利润（万元）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation>净利润</translation>
    </message>
</context>
<context>
    <name>Financials</name>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation>净利润</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>资产总额</translation>
    </message>
    <message>
        <source>Total liabilities</source>
        <translation>负债总额</translation>
    </message>
    <message>
        <source>Current assets</source>
        <translation>流动资产</translation>
    </message>
    <message>
        <source>Current liabilities</source>
        <translation>流动负债</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>存货</translation>
    </message>
    <message>
        <source>Cash and equivalents</source>
        <translation>货币资金</translation>
    </message>
    <message>
        <source>R&amp;D expense</source>
        <translation>研发费用</translation>
    </message>
    <message>
        <source>Net operating cash flow</source>
        <translation>经营活动现金流量净额</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>H2 Credit Desk — first start</source>
        <translation>氢能信贷工作台 — 首次启动</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>This database has no administrator yet. The administrator manages users, settings and backups; create the other users after signing in.</source>
        <translation>此数据库尚无管理员。管理员负责管理用户、设置和备份；登录后再创建其他用户。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>FollowUpsDialog</name>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Only my clients</source>
        <translation>只看我的客户</translation>
    </message>
    <message>
        <source>{n} open follow-ups due today or earlier, {overdue} of them overdue (in red). Double-click a row to open the client.</source>
        <translation>今天及以前到期的未完成跟进 {n} 条，其中逾期 {overdue} 条（红色）。双击一行打开客户。</translation>
    </message>
    <message>
        <source>Only the {n} most overdue are listed.</source>
        <translation>仅列出逾期最久的 {n} 条。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <source>Files of type “{suffix}” cannot be imported; use .xlsx, .xls or .csv.</source>
        <translation>无法导入“{suffix}”类型的文件，请使用 .xlsx、.xls 或 .csv。</translation>
    </message>
    <message>
        <source>The file is too large to import ({size}; at most {limit}). Split it into smaller files.</source>
        <translation>文件过大，无法导入（{size}；上限 {limit}）。请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file {name} cannot be read as an Excel workbook; it may be damaged or not really an Excel file. Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>无法将文件 {name} 作为 Excel 工作簿读取，文件可能已损坏或并非 Excel 文件。请用 Excel 或 WPS 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The workbook unpacks to {size}, more than can be imported safely (at most {limit}). Split it into smaller files.</source>
        <translation>该工作簿解压后为 {size}，超过可安全导入的上限（{limit}）。请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>The text file {name} is neither UTF-8 nor GBK/GB18030 encoded; save it again as “CSV UTF-8”.</source>
        <translation>文本文件 {name} 既不是 UTF-8 编码也不是 GBK/GB18030 编码，请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The file {name} is an Excel workbook; give it the suffix .xlsx.</source>
        <translation>文件 {name} 是 Excel 工作簿，请将扩展名改为 .xlsx。</translation>
    </message>
    <message>
        <source>The file {name} is not a text (CSV) file.</source>
        <translation>文件 {name} 不是文本（CSV）文件。</translation>
    </message>
    <message>
        <source>The CSV file {name} is malformed near line {line}: {problem}</source>
        <translation>CSV 文件 {name} 第 {line} 行附近格式有误：{problem}</translation>
    </message>
    <message>
        <source>The file has no data.</source>
        <translation>文件中没有数据。</translation>
    </message>
    <message>
        <source>No recognisable header row in the first {n} rows. The header needs at least the column “企业名称” (company name).</source>
        <translation>前 {n} 行中没有可识别的表头行。表头至少需要包含“企业名称”列。</translation>
    </message>
    <message>
        <source>The file has more than {limit:,} rows; split it into smaller files.</source>
        <translation>文件超过 {limit:,} 行，请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>Not a date; write it as YYYY-MM-DD.</source>
        <translation>不是有效日期，请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation>不是整数。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Implausibly large.</source>
        <translation>数值大得不合理。</translation>
    </message>
    <message>
        <source>Not an amount in 万元.</source>
        <translation>不是以万元为单位的金额。</translation>
    </message>
    <message>
        <source>Too large (at most 100,000,000 万元).</source>
        <translation>金额过大（上限 100,000,000 万元）。</translation>
    </message>
    <message>
        <source>More than four decimal places in 万元 (finer than one yuan).</source>
        <translation>以万元计超过四位小数（精确到元以下）。</translation>
    </message>
    <message>
        <source>Answer yes (是) or no (否).</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <source>Not a financial year between 1990 and 2100.</source>
        <translation>不是 1990 至 2100 之间的财务年度。</translation>
    </message>
    <message>
        <source>Column “{header}” is not recognised and is ignored.</source>
        <translation>无法识别列“{header}”，已忽略。</translation>
    </message>
    <message>
        <source>Column “{header}” repeats column “{first}” and is ignored.</source>
        <translation>列“{header}”与列“{first}”重复，已忽略。</translation>
    </message>
    <message>
        <source>The value starts like a spreadsheet formula (=, +, -, @) and is not imported, so that it can never run in Excel.</source>
        <translation>该值以电子表格公式字符（=、+、-、@）开头，为防止在 Excel 中被执行，不予导入。</translation>
    </message>
    <message>
        <source>“{value}” is not an enterprise type (科创企业, 产业化企业 or 项目公司).</source>
        <translation>“{value}”不是有效的企业类型（科创企业、产业化企业或项目公司）。</translation>
    </message>
    <message>
        <source>“{value}” is not a value-chain segment (制氢, 储氢, 运氢, 加氢, 燃料电池 or 氢能应用).</source>
        <translation>“{value}”不是有效的产业链环节（制氢、储氢、运氢、加氢、燃料电池或氢能应用）。</translation>
    </message>
    <message>
        <source>“{value}” is not a known technology route.</source>
        <translation>“{value}”不是已知的技术路线。</translation>
    </message>
    <message>
        <source>“{value}” is not a client status (潜在客户, 存量客户, 休眠客户 or 已退出客户).</source>
        <translation>“{value}”不是有效的客户状态（潜在客户、存量客户、休眠客户或已退出客户）。</translation>
    </message>
    <message>
        <source>Several users are called “{value}”; write the user name instead.</source>
        <translation>有多个用户名为“{value}”，请改填登录用户名。</translation>
    </message>
    <message>
        <source>No active user is called “{value}”.</source>
        <translation>没有名为“{value}”的在用用户。</translation>
    </message>
    <message>
        <source>“{value}” is not a known qualification.</source>
        <translation>“{value}”不是已知的资质。</translation>
    </message>
    <message>
        <source>The row has values to the right of the last column heading.</source>
        <translation>该行在最后一个列标题右侧还有内容。</translation>
    </message>
    <message>
        <source>“{header}” is masked ({value}) and is not imported.</source>
        <translation>“{header}”为脱敏值（{value}），未导入。</translation>
    </message>
    <message>
        <source>Contact details are given but the contact&apos;s name is missing.</source>
        <translation>填写了联系人信息，但缺少联系人姓名。</translation>
    </message>
    <message>
        <source>Financial figures are given but the year (年度) is missing.</source>
        <translation>填写了财务数据，但缺少年度。</translation>
    </message>
    <message>
        <source>Row {row} has the same client with a different value here; repeat a client&apos;s rows only to add contacts or years of financials.</source>
        <translation>第 {row} 行是同一客户，但此列的值不同；同一客户只可为补充联系人或其他年度的财务数据而重复出现。</translation>
    </message>
    <message>
        <source>Duplicate of row {row}.</source>
        <translation>与第 {row} 行重复。</translation>
    </message>
    <message>
        <source>Row {row} already gives this client&apos;s statement for {year}.</source>
        <translation>第 {row} 行已给出该客户 {year} 年度的财务报表。</translation>
    </message>
    <message>
        <source>Row {row} already gives this contact with other details.</source>
        <translation>第 {row} 行已给出该联系人，但信息不同。</translation>
    </message>
    <message>
        <source>Several clients already have this name; add the USCC to say which one this row is.</source>
        <translation>已有多个客户使用此名称，请填写统一社会信用代码以指明是哪一个。</translation>
    </message>
    <message>
        <source>Name the relationship manager (客户经理) who will own this client.</source>
        <translation>请填写管户的客户经理。</translation>
    </message>
    <message>
        <source>The file has no column “企业名称” (company name), which every client needs.</source>
        <translation>文件中没有“企业名称”列，每个客户都必须有企业名称。</translation>
    </message>
    <message>
        <source>The file has a header row but no data rows.</source>
        <translation>文件只有表头，没有数据行。</translation>
    </message>
    <message>
        <source>Row {row}, which has this client, was rejected.</source>
        <translation>同一客户所在的第 {row} 行已被拒绝。</translation>
    </message>
    <message>
        <source>Row {row} could not be written ({problem}); nothing was imported.</source>
        <translation>第 {row} 行无法写入（{problem}），未导入任何数据。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation>导入错误</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <source>Rows of the file (rows with problems in red)</source>
        <translation>文件中的行（有问题的行标红）</translation>
    </message>
    <message>
        <source>Problems (these rows will not be imported)</source>
        <translation>问题（这些行不会导入）</translation>
    </message>
    <message>
        <source>Update existing clients (matched by unified social credit code)</source>
        <translation>更新已有客户（按统一社会信用代码匹配）</translation>
    </message>
    <message>
        <source>Import valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{total} rows: {valid} valid ({new} new clients, {updates} existing clients, {merged} more rows of a client above), {invalid} with problems.</source>
        <translation>共 {total} 行：有效 {valid} 行（新客户 {new} 家，已有客户 {updates} 家，同一客户的其他行 {merged} 行），有问题 {invalid} 行。</translation>
    </message>
    <message>
        <source>Encoding: {encoding}</source>
        <translation>编码：{encoding}</translation>
    </message>
    <message>
        <source>Sheet: {sheet}</source>
        <translation>工作表：{sheet}</translation>
    </message>
    <message>
        <source>Columns not imported: {columns}</source>
        <translation>未导入的列：{columns}</translation>
    </message>
    <message>
        <source>Rows of the file ({n}; rows with problems in red)</source>
        <translation>文件中的行（{n} 行；有问题的行标红）</translation>
    </message>
    <message>
        <source>Problems: {n} (these rows will not be imported)</source>
        <translation>问题：{n} 处（这些行不会导入）</translation>
    </message>
    <message>
        <source>Reading and checking {name}…</source>
        <translation>正在读取并检查 {name}…</translation>
    </message>
    <message>
        <source>No row can be imported; see the problems below.</source>
        <translation>没有可以导入的行；请查看下方的问题。</translation>
    </message>
    <message>
        <source>The file could not be read: {problem}</source>
        <translation>无法读取文件：{problem}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Writing {n} rows in one transaction…</source>
        <translation>正在以一个事务写入 {n} 行…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{created} clients created, {updated} updated, {skipped} rows of existing clients skipped, {contacts} contacts and {statements} statements saved; {rejected} rows rejected.</source>
        <translation>新建客户 {created} 家，更新 {updated} 家，跳过已有客户的行 {skipped} 行，保存联系人 {contacts} 位、财务报表 {statements} 份；拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Nothing was imported (the write was rolled back): {problem}</source>
        <translation>未导入任何数据（写入已回滚）：{problem}</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何数据。</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be written: {problem}</source>
        <translation>无法写入报告：{problem}</translation>
    </message>
    <message>
        <source>The error report was saved to {path}.</source>
        <translation>错误报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Client lists (*.xlsx *.xlsm *.xls *.csv *.tsv *.txt)</source>
        <translation>客户清单 (*.xlsx *.xlsm *.xls *.csv *.tsv *.txt)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModels</name>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Exists (no permission to update)</source>
        <translation>已存在（无权更新）</translation>
    </message>
    <message>
        <source>Update existing</source>
        <translation>更新已有客户</translation>
    </message>
    <message>
        <source>Exists (skipped)</source>
        <translation>已存在（跳过）</translation>
    </message>
    <message>
        <source>Same client as row {row}</source>
        <translation>与第 {row} 行为同一客户</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>存量客户</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠客户</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出客户</translation>
    </message>
    <message>
        <source>Need confirmed</source>
        <translation>需求确认</translation>
    </message>
    <message>
        <source>Solution designed</source>
        <translation>方案设计</translation>
    </message>
    <message>
        <source>Materials submitted</source>
        <translation>材料准备与报送</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审查审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>合同签订</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>Post-loan follow-up</source>
        <translation>贷后管理</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Tech start-up</source>
        <translation>科创企业</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>产业化企业</translation>
    </message>
    <message>
        <source>Project company</source>
        <translation>项目公司</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Credit reviewer</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Branch head</source>
        <translation>支行行长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Credit investigation report</source>
        <translation>授信调查报告</translation>
    </message>
    <message>
        <source>Credit proposal</source>
        <translation>授信方案</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>H2 Credit Desk — locked</source>
        <translation>氢能信贷工作台 — 已锁定</translation>
    </message>
    <message>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Demo mode: {name} ({role}). No password is needed to continue.</source>
        <translation>演示模式：{name}（{role}）。无需密码即可继续。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role}). Enter your password to continue.</source>
        <translation>当前登录：{name}（{role}）。请输入密码以继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Too many wrong passwords: you are signed out.</source>
        <translation>密码错误次数过多，已退出登录。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>H2 Credit Desk — demo</source>
        <translation>氢能信贷工作台 — 演示</translation>
    </message>
    <message>
        <source>H2 Credit Desk</source>
        <translation>氢能信贷工作台</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>评分卡</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>贷款管道</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>授信报告</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Demo mode: signed in automatically as the demo relationship manager</source>
        <translation>演示模式：已自动以演示客户经理身份登录</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Hide the data until you enter your password (Ctrl+L)</source>
        <translation>隐藏数据，输入密码后恢复（Ctrl+L）</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>A fictional demo portfolio, kept apart from real data</source>
        <translation>虚构的演示客户组合，与真实数据分开存放</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>The automatic backup could not be written: {problem}
Your data is unchanged. Check the backup folder in Settings.</source>
        <translation>自动备份未能写入：{problem}
您的数据没有变化。请在“设置”中检查备份文件夹。</translation>
    </message>
</context>
<context>
    <name>MemosPage</name>
    <message>
        <source>{n} written</source>
        <translation>已撰写 {n} 份</translation>
    </message>
    <message>
        <source>Not yet written</source>
        <translation>尚未撰写</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>授信业务</translation>
    </message>
    <message>
        <source>Amount (10k CNY)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>所处阶段</translation>
    </message>
    <message>
        <source>Credit memo</source>
        <translation>授信报告</translation>
    </message>
    <message>
        <source>Credit memos</source>
        <translation>授信报告</translation>
    </message>
    <message>
        <source>Memos written</source>
        <translation>已撰写报告</translation>
    </message>
    <message>
        <source>Deals in review, approved or contract</source>
        <translation>审查审批、已审批及合同签订阶段的业务</translation>
    </message>
    <message>
        <source>Of these, without a memo</source>
        <translation>其中尚无报告</translation>
    </message>
    <message>
        <source>Deals that need a credit memo</source>
        <translation>需要撰写授信报告的业务</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat the password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Correct the new password as shown in red above.</source>
        <translation>请按上方红字提示修改新密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>At least {n} characters, with at least 3 of: lower-case letters, upper-case letters, digits, other characters; not the user name.</source>
        <translation>至少 {n} 个字符，且至少包含小写字母、大写字母、数字、其他字符中的 3 类；不得与用户名相同。</translation>
    </message>
    <message>
        <source>The password meets the rules.</source>
        <translation>密码符合规则。</translation>
    </message>
</context>
<context>
    <name>PatentTable</name>
    <message>
        <source>Patent number</source>
        <translation>专利号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Add patent</source>
        <translation>添加专利</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount (10k CNY)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Pipeline amount by stage (10k CNY)</source>
        <translation>各阶段贷款金额（万元）</translation>
    </message>
    <message>
        <source>Loan pipeline</source>
        <translation>贷款管道</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>在途业务笔数</translation>
    </message>
    <message>
        <source>Open amount (10k CNY)</source>
        <translation>在途金额（万元）</translation>
    </message>
    <message>
        <source>Lost deals</source>
        <translation>已流失业务</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>not checked yet</source>
        <translation>尚未校验</translation>
    </message>
    <message>
        <source>verified: good</source>
        <translation>已校验：完好</translation>
    </message>
    <message>
        <source>damaged (see the tooltip)</source>
        <translation>已损坏（详见悬停提示）</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>H2 Credit Desk — damaged database</source>
        <translation>氢能信贷工作台 — 数据库已损坏</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>{path} failed its integrity check and cannot be opened safely. Restore the newest good backup: the damaged file is kept beside it, nothing is deleted. Changes made after the backup are not in it.</source>
        <translation>{path} 未通过完整性检查，无法安全打开。请恢复最新的完好备份：损坏的文件会保留在原位置旁，不会删除任何内容。备份之后的修改不包含在备份中。</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The chosen backup replaces the database. The current database is kept beside it (…before-restore-&lt;time&gt;.sqlite3); the program then reopens the database and you sign in again.</source>
        <translation>所选备份将替换当前数据库。当前数据库会保留在旁边（…before-restore-&lt;时间&gt;.sqlite3）；随后程序重新打开数据库，您需要重新登录。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No backups found in: {folders}</source>
        <translation>以下位置未找到备份：{folders}</translation>
    </message>
    <message>
        <source>Choose a backup.</source>
        <translation>请选择一个备份。</translation>
    </message>
    <message>
        <source>Backup of {time} verified: it can be restored.</source>
        <translation>{time} 的备份已校验，可以恢复。</translation>
    </message>
    <message>
        <source>This backup cannot be restored: {problems}</source>
        <translation>此备份无法恢复：{problems}</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>SQLite backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ScoreHistoryDialog</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Limit (10k CNY)</source>
        <translation>额度（万元）</translation>
    </message>
    <message>
        <source>Knocked out</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>new factor in B</source>
        <translation>B 中新增的因子</translation>
    </message>
    <message>
        <source>not in B&apos;s template</source>
        <translation>B 的模板中已无此因子</translation>
    </message>
    <message>
        <source>now: {reason}</source>
        <translation>现：{reason}</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>Saved scores never change. Select two to compare them (A = the older, B = the newer).</source>
        <translation>已保存的评分永不改变。选择两条进行对比（A 为较早的一条，B 为较新的一条）。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Score history — {name}</source>
        <translation>评分历史 — {name}</translation>
    </message>
    <message>
        <source>{name}: {n} saved scores</source>
        <translation>{name}：共 {n} 条评分记录</translation>
    </message>
    <message>
        <source>No score has been saved for this client yet.</source>
        <translation>该客户尚未保存过评分。</translation>
    </message>
    <message>
        <source>Select a second score to compare.</source>
        <translation>请再选择一条评分进行对比。</translation>
    </message>
    <message>
        <source>Select exactly two scores to compare.</source>
        <translation>请只选择两条评分进行对比。</translation>
    </message>
    <message>
        <source>Select two scores to compare.</source>
        <translation>选择两条评分进行对比。</translation>
    </message>
    <message>
        <source>A: {a}   B: {b}</source>
        <translation>A：{a}&#x3000;&#x3000;B：{b}</translation>
    </message>
    <message>
        <source>Total: {change}</source>
        <translation>总分：{change}</translation>
    </message>
    <message>
        <source>Grade: {change}</source>
        <translation>评级：{change}</translation>
    </message>
    <message>
        <source>Limit (10k CNY): {change}</source>
        <translation>额度（万元）：{change}</translation>
    </message>
    <message>
        <source>Knocked out: {change}</source>
        <translation>否决：{change}</translation>
    </message>
    <message>
        <source>{n} factors changed</source>
        <translation>{n} 个因子有变化</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <source>A what-if score cannot be saved; score without changes.</source>
        <translation>假设分析的评分不能保存；请取消改动后重新评分。</translation>
    </message>
    <message>
        <source>Client not found: {client}</source>
        <translation>未找到客户：{client}</translation>
    </message>
    <message>
        <source>Batch scoring was cancelled.</source>
        <translation>批量评分已取消。</translation>
    </message>
    <message>
        <source>Export to .csv or .xlsx, not &apos;{suffix}&apos;.</source>
        <translation>只能导出为 .csv 或 .xlsx，不能导出为“{suffix}”。</translation>
    </message>
    <message>
        <source>Template changed: {before} → {after}</source>
        <translation>模板已变更：{before} → {after}</translation>
    </message>
    <message>
        <source>Template file changed (same code and version): {before}</source>
        <translation>模板文件已改动（代码和版本号未变）：{before}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>{factor}: new factor, {points} points</source>
        <translation>{factor}：新增因子，{points} 分</translation>
    </message>
    <message>
        <source>{factor}: factor dropped ({points} points before)</source>
        <translation>{factor}：因子已删除（原 {points} 分）</translation>
    </message>
    <message>
        <source>{factor}: value {before} → {after}</source>
        <translation>{factor}：取值 {before} → {after}</translation>
    </message>
    <message>
        <source>{factor}: {before} → {after} points ({delta:+}); now: {reason}</source>
        <translation>{factor}：{before} → {after} 分（{delta:+}）；现为：{reason}</translation>
    </message>
    <message>
        <source>{value}: {before} → {after}</source>
        <translation>{value}：{before} → {after}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Suggested limit (yuan)</source>
        <translation>建议额度（元）</translation>
    </message>
    <message>
        <source>Knock-out</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Knock-out: {before} → {after}</source>
        <translation>一票否决：{before} → {after}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>{amount} 10k CNY</source>
        <translation>{amount} 万元</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} 年</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{what} → {score}% of {max} = {points} points</source>
        <translation>{what} → {max} 分 × {score}% = {points} 分</translation>
    </message>
    <message>
        <source>other value</source>
        <translation>其他取值</translation>
    </message>
    <message>
        <source>none of the listed items</source>
        <translation>不含所列项目</translation>
    </message>
    <message>
        <source>Not scored: knocked out</source>
        <translation>未评分：已被一票否决</translation>
    </message>
    <message>
        <source>Missing data ({why})</source>
        <translation>数据缺失（{why}）</translation>
    </message>
    <message>
        <source>{name}: not checked ({why})</source>
        <translation>{name}：未核查（{why}）</translation>
    </message>
    <message>
        <source>{name}: answered {answer}</source>
        <translation>{name}：回答“{answer}”</translation>
    </message>
    <message>
        <source>{name}: {value} is below {bound}</source>
        <translation>{name}：{value} 低于 {bound}</translation>
    </message>
    <message>
        <source>{name}: {value} is above {bound}</source>
        <translation>{name}：{value} 高于 {bound}</translation>
    </message>
    <message>
        <source>{name}: {value}, passed</source>
        <translation>{name}：{value}，通过</translation>
    </message>
    <message>
        <source>{code}: answer yes or no, not {value!r}</source>
        <translation>{code}：请回答“是”或“否”，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{code}: enter a number, not {value!r}</source>
        <translation>{code}：请输入数字，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{name}: &apos;{value}&apos; is not one of the levels {levels}</source>
        <translation>{name}：“{value}”不是可选档次（{levels}）之一</translation>
    </message>
    <message>
        <source>{name}: must be at least {minimum}</source>
        <translation>{name}：不得小于 {minimum}</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a question of template {template}</source>
        <translation>“{code}”不是模板 {template} 的问题</translation>
    </message>
    <message>
        <source>{code}: must not be negative</source>
        <translation>{code}：不得为负数</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; cannot be changed in a what-if: name a profile or financial value</source>
        <translation>假设分析不能修改“{code}”：请指定客户档案或财务数据项</translation>
    </message>
    <message>
        <source>Unknown scorecard template &apos;{code}&apos;. Known: {codes}</source>
        <translation>未知评分卡模板“{code}”。现有模板：{codes}</translation>
    </message>
    <message>
        <source>No scorecard template applies to firm type &apos;{type}&apos;.</source>
        <translation>没有适用于企业类型“{type}”的评分卡模板。</translation>
    </message>
    <message>
        <source>not recorded in the client profile</source>
        <translation>客户档案未登记</translation>
    </message>
    <message>
        <source>employee count missing or zero</source>
        <translation>员工人数缺失或为零</translation>
    </message>
    <message>
        <source>founding date not recorded</source>
        <translation>成立日期未登记</translation>
    </message>
    <message>
        <source>no financial statements on file</source>
        <translation>无财务报表</translation>
    </message>
    <message>
        <source>not reported in the {year} statement</source>
        <translation>{year} 年财务报表未填报</translation>
    </message>
    <message>
        <source>cannot be computed from the {year} statement (a figure is missing or zero)</source>
        <translation>无法由 {year} 年财务报表计算（有数据缺失或为零）</translation>
    </message>
    <message>
        <source>needs the {year} statement with revenue above zero</source>
        <translation>需要 {year} 年营业收入大于零的财务报表</translation>
    </message>
    <message>
        <source>not answered by the relationship manager</source>
        <translation>客户经理尚未作答</translation>
    </message>
    <message>
        <source>client profile</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>{year} financial statement</source>
        <translation>{year} 年财务报表</translation>
    </message>
    <message>
        <source>financial statements</source>
        <translation>财务报表</translation>
    </message>
    <message>
        <source>relationship manager&apos;s judgement</source>
        <translation>客户经理判断</translation>
    </message>
    <message>
        <source>what-if (not saved)</source>
        <translation>假设分析（不保存）</translation>
    </message>
    <message>
        <source>Knocked out: no pre-credit limit.</source>
        <translation>已被一票否决：不给予预授信额度。</translation>
    </message>
    <message>
        <source>{label}: none yet; the pre-revenue base for grade {grade} is {base} 10k CNY</source>
        <translation>{label}：尚无收入，按 {grade} 级无收入基准额度 {base} 万元</translation>
    </message>
    <message>
        <source>{label}: missing data, required for the limit</source>
        <translation>{label}：数据缺失，测算额度必须录入</translation>
    </message>
    <message>
        <source>Suggested limit: 0 10k CNY</source>
        <translation>建议额度：0 万元</translation>
    </message>
    <message>
        <source>{label}: missing data, left out</source>
        <translation>{label}：数据缺失，不参与测算</translation>
    </message>
    <message>
        <source>{label} {value} 10k CNY × {share}% = {result} 10k CNY</source>
        <translation>{label} {value} 万元 × {share}% = {result} 万元</translation>
    </message>
    <message>
        <source>No basis for a limit: 0 10k CNY</source>
        <translation>无额度测算依据：0 万元</translation>
    </message>
    <message>
        <source>The smaller: {value} 10k CNY</source>
        <translation>取孰低：{value} 万元</translation>
    </message>
    <message>
        <source>× grade {grade} multiplier {multiplier} = {result} 10k CNY</source>
        <translation>× {grade} 级系数 {multiplier} = {result} 万元</translation>
    </message>
    <message>
        <source>Not above zero: suggested limit 0 10k CNY</source>
        <translation>测算结果不大于零：建议额度 0 万元</translation>
    </message>
    <message>
        <source>Capped at {cap} 10k CNY</source>
        <translation>超过上限，取上限 {cap} 万元</translation>
    </message>
    <message>
        <source>Raised to the floor of {floor} 10k CNY</source>
        <translation>低于下限，取下限 {floor} 万元</translation>
    </message>
    <message>
        <source>Rounded down to whole 10k CNY: {result} 10k CNY</source>
        <translation>向下取整至万元：{result} 万元</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}，第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos; (allowed: {allowed})</source>
        <translation>未知的键“{key}”（可用：{allowed}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is missing</source>
        <translation>缺少“{key}”</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text</source>
        <translation>“{key}”必须是文本</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; = &apos;{value}&apos; must start with a letter and use only letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>“{key}” = “{value}”必须以字母开头，且只能包含字母、数字、“_”和“-”</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a number, not {value!r}</source>
        <translation>“{key}”必须是数字，而不是 {value!r}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; = {value} is outside {low}..{high}</source>
        <translation>“{key}” = {value} 超出范围 {low}..{high}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list of tables</source>
        <translation>“{key}”必须是表的列表</translation>
    </message>
    <message>
        <source>duplicate {what} code &apos;{code}&apos;</source>
        <translation>{what}代码“{code}”重复</translation>
    </message>
    <message>
        <source>&apos;version&apos; is missing</source>
        <translation>缺少“version”（版本号）</translation>
    </message>
    <message>
        <source>&apos;firm_types&apos; must list some of: {types}</source>
        <translation>“firm_types”必须列出以下类型中的若干项：{types}</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <source>the template has no dimensions</source>
        <translation>模板没有维度</translation>
    </message>
    <message>
        <source>&apos;weight&apos; must be above 0</source>
        <translation>“weight”必须大于 0</translation>
    </message>
    <message>
        <source>dimension weights add up to {total}, they must add up to 100</source>
        <translation>各维度权重合计为 {total}，必须等于 100</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>dimension &apos;{code}&apos; has no factors</source>
        <translation>维度“{code}”没有因子</translation>
    </message>
    <message>
        <source>a factor needs exactly one of &apos;weight&apos; (percent of the dimension) or &apos;points&apos;</source>
        <translation>每个因子必须且只能设置“weight”（占维度百分比）或“points”之一</translation>
    </message>
    <message>
        <source>the factor&apos;s maximum of {points} points is not a whole number of hundredths</source>
        <translation>因子满分 {points} 不是整百分之一分</translation>
    </message>
    <message>
        <source>mix of &apos;weight&apos; and &apos;points&apos; among the factors of one dimension</source>
        <translation>同一维度的因子混用了“weight”和“points”</translation>
    </message>
    <message>
        <source>factors of dimension &apos;{code}&apos; give {total} points, the dimension weight is {weight} (factor weights must add up to 100)</source>
        <translation>维度“{code}”的因子合计 {total} 分，而维度权重为 {weight}（因子权重合计必须为 100）</translation>
    </message>
    <message>
        <source>unknown source &apos;{source}&apos;: use &apos;rm&apos; or one of the profile/financial values (e.g. profile.invention_patents, financial.debt_ratio)</source>
        <translation>未知数据来源“{source}”：请使用“rm”或客户档案/财务数据项（如 profile.invention_patents、financial.debt_ratio）</translation>
    </message>
    <message>
        <source>factor &apos;{code}&apos; has no &apos;rule&apos; ({rules})</source>
        <translation>因子“{code}”没有“rule”评分规则（{rules}）</translation>
    </message>
    <message>
        <source>unknown rule &apos;{rule}&apos; ({rules})</source>
        <translation>未知评分规则“{rule}”（{rules}）</translation>
    </message>
    <message>
        <source>rule &apos;{rule}&apos; cannot score &apos;{source}&apos; (a {kind} value)</source>
        <translation>评分规则“{rule}”不能用于“{source}”（{kind} 类型）</translation>
    </message>
    <message>
        <source>a judgement factor uses rule &apos;choice&apos;, &apos;yes_no&apos; or &apos;bands&apos;</source>
        <translation>判断类因子的规则须为“choice”“yes_no”或“bands”</translation>
    </message>
    <message>
        <source>&apos;map&apos; must be a table of value = score</source>
        <translation>“map”必须是 取值 = 分值 的表</translation>
    </message>
    <message>
        <source>&apos;items&apos; must be a table of code = score</source>
        <translation>“items”必须是 代码 = 分值 的表</translation>
    </message>
    <message>
        <source>numeric bands need &apos;direction&apos; = &apos;higher_better&apos; or &apos;lower_better&apos;</source>
        <translation>数值分档须设置“direction” = “higher_better”或“lower_better”</translation>
    </message>
    <message>
        <source>&apos;bands&apos; needs at least 2 bands</source>
        <translation>“bands”至少需要 2 档</translation>
    </message>
    <message>
        <source>the first band has no &apos;min&apos;: it covers every value below the second band</source>
        <translation>第一档不设“min”：它涵盖低于第二档的所有取值</translation>
    </message>
    <message>
        <source>band bound {value} has more than {places} decimal places</source>
        <translation>分档界限 {value} 的小数位超过 {places} 位</translation>
    </message>
    <message>
        <source>band bounds must increase: {value} is not above {previous} (overlapping bands)</source>
        <translation>分档界限必须递增：{value} 不大于 {previous}（分档重叠）</translation>
    </message>
    <message>
        <source>band scores contradict direction &apos;{direction}&apos;: {score} after {before}</source>
        <translation>分档分值与方向“{direction}”矛盾：{before} 之后为 {score}</translation>
    </message>
    <message>
        <source>&apos;choices&apos; needs at least 2 levels</source>
        <translation>“choices”至少需要 2 个档次</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>a numeric knock-out needs &apos;below&apos; or &apos;above&apos;</source>
        <translation>数值型否决规则须设置“below”或“above”</translation>
    </message>
    <message>
        <source>unknown knock-out source &apos;{source}&apos;: use &apos;rm&apos; or a numeric profile/financial value</source>
        <translation>未知否决规则数据来源“{source}”：请使用“rm”或数值型客户档案/财务数据项</translation>
    </message>
    <message>
        <source>&apos;unit&apos; must be &apos;yuan&apos; or &apos;number&apos;</source>
        <translation>“unit”必须是“yuan”或“number”</translation>
    </message>
    <message>
        <source>&apos;grades&apos; needs at least 2 bands</source>
        <translation>“grades”至少需要 2 个评级档</translation>
    </message>
    <message>
        <source>&apos;multiplier&apos; has more than 4 decimal places</source>
        <translation>“multiplier”的小数位超过 4 位</translation>
    </message>
    <message>
        <source>grade {grade}: &apos;max&apos; {high} must be above &apos;min&apos; {low}</source>
        <translation>评级 {grade}：“max” {high} 必须大于“min” {low}</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>grade bands must start at 0; the lowest starts at {low} (missing band)</source>
        <translation>评级区间必须从 0 开始；最低一档从 {low} 开始（缺少区间）</translation>
    </message>
    <message>
        <source>grade bands must end at 100; the highest ends at {high} (missing band)</source>
        <translation>评级区间必须到 100 为止；最高一档止于 {high}（缺少区间）</translation>
    </message>
    <message>
        <source>grade {grade} overlaps grade {other}: {low} is below {high}</source>
        <translation>评级 {grade} 与评级 {other} 重叠：{low} 小于 {high}</translation>
    </message>
    <message>
        <source>gap between grade {other} (to {high}) and grade {grade} (from {low}): missing band</source>
        <translation>评级 {other}（至 {high}）与评级 {grade}（自 {low}）之间有空档：缺少区间</translation>
    </message>
    <message>
        <source>grade {grade} has a lower multiplier than the grade below it</source>
        <translation>评级 {grade} 的额度系数低于其下一级</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be whole yuan</source>
        <translation>“{key}”必须是整数元</translation>
    </message>
    <message>
        <source>the template has no [limit] table</source>
        <translation>模板缺少 [limit] 额度规则</translation>
    </message>
    <message>
        <source>unknown limit source &apos;{source}&apos;: use a money value such as financial.revenue_yuan or rm.&lt;input code&gt;</source>
        <translation>未知额度测算来源“{source}”：请使用金额类数据项，如 financial.revenue_yuan 或 rm.&lt;录入项代码&gt;</translation>
    </message>
    <message>
        <source>&apos;share&apos; has more than 4 decimal places</source>
        <translation>“share”的小数位超过 4 位</translation>
    </message>
    <message>
        <source>&apos;floor_yuan&apos; is above &apos;cap_yuan&apos;</source>
        <translation>“floor_yuan”（下限）高于“cap_yuan”（上限）</translation>
    </message>
    <message>
        <source>&apos;pre_revenue_base_yuan&apos; must be a table of grade = yuan</source>
        <translation>“pre_revenue_base_yuan”必须是 评级 = 金额（元）的表</translation>
    </message>
    <message>
        <source>unknown grade &apos;{grade}&apos;</source>
        <translation>未知评级“{grade}”</translation>
    </message>
    <message>
        <source>the pre-revenue base must not fall as the grade rises</source>
        <translation>无收入基准额度不得随评级升高而降低</translation>
    </message>
    <message>
        <source>the limit rule needs &apos;terms&apos; or &apos;pre_revenue_base_yuan&apos;</source>
        <translation>额度规则须设置“terms”或“pre_revenue_base_yuan”</translation>
    </message>
    <message>
        <source>not UTF-8 text ({problem})</source>
        <translation>不是 UTF-8 文本（{problem}）</translation>
    </message>
    <message>
        <source>not valid TOML: {problem}</source>
        <translation>不是有效的 TOML：{problem}</translation>
    </message>
    <message>
        <source>cannot read the file ({problem})</source>
        <translation>无法读取文件（{problem}）</translation>
    </message>
    <message>
        <source>duplicate template code &apos;{code}&apos;, already defined in {other}</source>
        <translation>模板代码“{code}”重复，已在 {other} 中定义</translation>
    </message>
    <message>
        <source>Template: {name} ({code} {version})</source>
        <translation>模板：{name}（{code} {version}）</translation>
    </message>
    <message>
        <source>Knock-out check: {reason}</source>
        <translation>否决项核查：{reason}</translation>
    </message>
    <message>
        <source>KNOCKED OUT: {reason}</source>
        <translation>一票否决：{reason}</translation>
    </message>
    <message>
        <source>Total {total} / 100, grade {grade}</source>
        <translation>总分 {total} / 100，评级 {grade}</translation>
    </message>
    <message>
        <source>Suggested pre-credit limit: {amount} 10k CNY</source>
        <translation>建议预授信额度：{amount} 万元</translation>
    </message>
    <message>
        <source>{n} factors have missing data or unanswered questions.</source>
        <translation>有 {n} 个因子数据缺失或尚未作答。</translation>
    </message>
</context>
<context>
    <name>ScorecardsPage</name>
    <message>
        <source>No grade (knocked out)</source>
        <translation>无评级（触发否决项）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Score snapshots</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>产业链环节</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Limit (10k CNY)</source>
        <translation>建议额度（万元）</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>Clients never scored (first {shown} of {total})</source>
        <translation>从未评分的客户（共 {total} 户，显示前 {shown} 户）</translation>
    </message>
    <message>
        <source>Clients never scored</source>
        <translation>从未评分的客户</translation>
    </message>
    <message>
        <source>Pre-credit scorecards</source>
        <translation>预授信评分卡</translation>
    </message>
    <message>
        <source>Score a client…</source>
        <translation>客户评分…</translation>
    </message>
    <message>
        <source>Score the client selected in the list, or choose one</source>
        <translation>为列表中选中的客户评分，或选择一个客户</translation>
    </message>
    <message>
        <source>Score history…</source>
        <translation>评分历史…</translation>
    </message>
    <message>
        <source>Saved scores of the selected client, and a comparison of two</source>
        <translation>选中客户的历史评分及两次评分对比</translation>
    </message>
    <message>
        <source>Batch scoring…</source>
        <translation>批量评分…</translation>
    </message>
    <message>
        <source>Score the portfolio or part of it at once (nothing is saved)</source>
        <translation>一次为全部或部分客户评分（不保存）</translation>
    </message>
    <message>
        <source>Latest score of each client</source>
        <translation>各客户最新评分</translation>
    </message>
    <message>
        <source>Clients scored</source>
        <translation>已评分客户</translation>
    </message>
    <message>
        <source>Snapshots by grade</source>
        <translation>各评级评分记录数</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <source>Scorecard template:</source>
        <translation>评分卡模板：</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>设计依据</translation>
    </message>
    <message>
        <source>Why the template weighs what it weighs</source>
        <translation>模板权重设置的依据</translation>
    </message>
    <message>
        <source>Knock-out checks (a &apos;yes&apos; stops the score)</source>
        <translation>否决项（任一答“是”即终止评分）</translation>
    </message>
    <message>
        <source>Question and guidance for the selected factor</source>
        <translation>选中因子的问题与判断指引</translation>
    </message>
    <message>
        <source>Total (of 100)</source>
        <translation>总分（满分 100）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Suggested pre-credit limit</source>
        <translation>建议预授信额度</translation>
    </message>
    <message>
        <source>Inputs for the limit</source>
        <translation>额度测算录入项</translation>
    </message>
    <message>
        <source>How the limit is worked out</source>
        <translation>额度测算过程</translation>
    </message>
    <message>
        <source>Dimensions (% of their maximum)</source>
        <translation>各维度得分率（%）</translation>
    </message>
    <message>
        <source>What-if…</source>
        <translation>假设分析…</translation>
    </message>
    <message>
        <source>Try other profile or financial values in a scratch copy (double-click a value); never saved</source>
        <translation>在临时副本中试算其他档案或财务数值（双击数值修改），不会保存</translation>
    </message>
    <message>
        <source>Back to real values</source>
        <translation>恢复实际数值</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>评分历史…</translation>
    </message>
    <message>
        <source>Save score</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Client not found</source>
        <translation>未找到客户</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Score — {name}</source>
        <translation>评分 — {name}</translation>
    </message>
    <message>
        <source>values as of {date}</source>
        <translation>数据截至 {date}</translation>
    </message>
    <message>
        <source>You can try answers and what-ifs, but this score cannot be saved: {reason}</source>
        <translation>您可以试答和进行假设分析，但不能保存此评分：{reason}</translation>
    </message>
    <message>
        <source>Template files refused:
{problems}</source>
        <translation>以下模板文件未被采用：
{problems}</translation>
    </message>
    <message>
        <source>No valid scorecard template is available.</source>
        <translation>没有可用的评分卡模板。</translation>
    </message>
    <message>
        <source>{code} version {version} · for {types}</source>
        <translation>{code} 版本 {version} · 适用：{types}</translation>
    </message>
    <message>
        <source>Limit: {note}</source>
        <translation>额度：{note}</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes (knock-out)</source>
        <translation>是（否决）</translation>
    </message>
    <message>
        <source>{name} (10k CNY)</source>
        <translation>{name}（万元）</translation>
    </message>
    <message>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>{name}: &apos;{text}&apos; is not an amount in 10k CNY</source>
        <translation>{name}：“{text}”不是以万元计的金额</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无额度</translation>
    </message>
    <message>
        <source>Knocked out: {reason}</source>
        <translation>已否决：{reason}</translation>
    </message>
    <message>
        <source>{amount} 10k CNY</source>
        <translation>{amount} 万元</translation>
    </message>
    <message>
        <source>✗ knock-out</source>
        <translation>✗ 否决</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ 通过</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未核查</translation>
    </message>
    <message>
        <source>{n} knock-out checks not answered: the score is provisional.</source>
        <translation>有 {n} 个否决项尚未回答，当前评分仅供参考。</translation>
    </message>
    <message>
        <source>{n} factors without data ({unanswered} not answered yet) get their missing-data score.</source>
        <translation>{n} 个因子缺少数据（其中 {unanswered} 个尚未回答），按数据缺失计分。</translation>
    </message>
    <message>
        <source>{n} factors without data get their missing-data score.</source>
        <translation>{n} 个因子缺少数据，按数据缺失计分。</translation>
    </message>
    <message>
        <source>What-if (not saved), {n} values changed:</source>
        <translation>假设分析（不保存），已修改 {n} 个数值：</translation>
    </message>
    <message>
        <source>Total {real} → {what_if}</source>
        <translation>总分 {real} → {what_if}</translation>
    </message>
    <message>
        <source>Total {real} → {what_if} ({delta})</source>
        <translation>总分 {real} → {what_if}（{delta}）</translation>
    </message>
    <message>
        <source>Grade {real} → {what_if}</source>
        <translation>评级 {real} → {what_if}</translation>
    </message>
    <message>
        <source>Limit {real} → {what_if} 10k CNY ({delta})</source>
        <translation>额度 {real} → {what_if} 万元（{delta}）</translation>
    </message>
    <message>
        <source>A what-if score is never saved.</source>
        <translation>假设分析结果不会保存。</translation>
    </message>
    <message>
        <source>Save this score as a snapshot that never changes</source>
        <translation>将本次评分保存为不可更改的评分记录</translation>
    </message>
    <message>
        <source>Select a factor to see its question, guidance and levels.</source>
        <translation>选择一个因子，查看其问题、判断指引和等级。</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>指引：</translation>
    </message>
    <message>
        <source>Value {value}, from the {source}.</source>
        <translation>数值 {value}，来源：{source}。</translation>
    </message>
    <message>
        <source>Points: {reason}</source>
        <translation>得分：{reason}</translation>
    </message>
    <message>
        <source>A what-if score is never saved. Go back to the real values first.</source>
        <translation>假设分析结果不会保存。请先恢复实际数值。</translation>
    </message>
    <message>
        <source>{n} questions are not answered; they are saved as missing data. Save anyway?</source>
        <translation>有 {n} 个问题尚未回答，将按数据缺失保存。仍要保存吗？</translation>
    </message>
    <message>
        <source>Score not saved</source>
        <translation>评分未保存</translation>
    </message>
    <message>
        <source>Score saved</source>
        <translation>评分已保存</translation>
    </message>
    <message>
        <source>The score was saved: total {total}, grade {grade}. It will not change, even if the template changes later. Open the score history?</source>
        <translation>评分已保存：总分 {total}，评级 {grade}。即使以后模板变更，此记录也不会改变。是否打开评分历史？</translation>
    </message>
    <message>
        <source>none (knocked out)</source>
        <translation>无（已否决）</translation>
    </message>
</context>
<context>
    <name>ScoringModels</name>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Financials {year}</source>
        <translation>财务 {year}</translation>
    </message>
    <message>
        <source>RM judgement</source>
        <translation>客户经理判断</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>{factor}: choose yes or no</source>
        <translation>{factor}：请选择是或否</translation>
    </message>
    <message>
        <source>{factor}: &apos;{text}&apos; is not a number</source>
        <translation>{factor}：“{text}”不是数字</translation>
    </message>
    <message>
        <source>{factor}: enter a whole number, not &apos;{text}&apos;</source>
        <translation>{factor}：请输入非负整数，而不是“{text}”</translation>
    </message>
    <message>
        <source>in 10k CNY</source>
        <translation>单位：万元</translation>
    </message>
    <message>
        <source>in percent</source>
        <translation>单位：%</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>是或否</translation>
    </message>
    <message>
        <source>Missing data</source>
        <translation>数据缺失</translation>
    </message>
    <message>
        <source>Double-click to try another value ({unit}).</source>
        <translation>双击可试算其他数值（{unit}）。</translation>
    </message>
    <message>
        <source>Double-click to try another value.</source>
        <translation>双击可试算其他数值。</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>评分因子</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Points / max</source>
        <translation>得分 / 满分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>得分依据</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Value (A)</source>
        <translation>数值（A）</translation>
    </message>
    <message>
        <source>Points (A)</source>
        <translation>得分（A）</translation>
    </message>
    <message>
        <source>Value (B)</source>
        <translation>数值（B）</translation>
    </message>
    <message>
        <source>Points (B)</source>
        <translation>得分（B）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Why it changed</source>
        <translation>变化原因</translation>
    </message>
    <message>
        <source>A: {reason}</source>
        <translation>A：{reason}</translation>
    </message>
    <message>
        <source>B: {reason}</source>
        <translation>B：{reason}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Suggested limit (10k CNY)</source>
        <translation>建议额度（万元）</translation>
    </message>
    <message>
        <source>Knocked out</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Missing factors</source>
        <translation>缺失因子数</translation>
    </message>
    <message>
        <source>no template</source>
        <translation>无适用模板</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>ok: the audit trail is intact ({n} entries checked).</source>
        <translation>ok：审计日志完整（已校验 {n} 条记录）。</translation>
    </message>
    <message>
        <source>Audit entry {seq} was changed after it was written.</source>
        <translation>第 {seq} 条审计记录在写入后被修改。</translation>
    </message>
    <message>
        <source>Audit entry {seq} does not follow the entry before it: entries were deleted, inserted or reordered.</source>
        <translation>第 {seq} 条审计记录与前一条不衔接：有记录被删除、插入或调换顺序。</translation>
    </message>
    <message>
        <source>Audit entries before entry {seq} are missing.</source>
        <translation>第 {seq} 条之前的审计记录缺失。</translation>
    </message>
    <message>
        <source>Audit entries from entry {seq} on were deleted from the end.</source>
        <translation>从第 {seq} 条起的末尾审计记录已被删除。</translation>
    </message>
    <message>
        <source>Audit entry {seq} has no hash.</source>
        <translation>第 {seq} 条审计记录没有哈希值。</translation>
    </message>
    <message>
        <source>Audit entry {seq} differs from the saved checkpoint.</source>
        <translation>第 {seq} 条审计记录与保存的校验点不一致。</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with.</source>
        <translation>审计日志已被篡改。</translation>
    </message>
    <message>
        <source>The audit trail cannot be read: {problem}</source>
        <translation>无法读取审计日志：{problem}</translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it. Reload it to see their changes, then make your edit again.</source>
        <translation>在您打开此记录后，其他人已修改了它。请重新加载查看其修改，然后再次编辑。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing of this change was saved; earlier changes are safe. Free some space and try again.</source>
        <translation>磁盘已满。本次修改未保存任何内容；之前的修改安全无损。请释放空间后重试。</translation>
    </message>
    <message>
        <source>The database file or its folder is read-only. Nothing of this change was saved. Check the file&apos;s permissions or copy it to a folder you can write to.</source>
        <translation>数据库文件或其所在文件夹为只读。本次修改未保存任何内容。请检查文件权限，或将其复制到可写入的文件夹。</translation>
    </message>
    <message>
        <source>The database file was moved or deleted while the program was open. Nothing more can be saved to it. Put the file back, or save a rescue copy, then restart.</source>
        <translation>程序运行期间数据库文件被移动或删除，无法再向其保存任何内容。请将文件放回原处，或保存一份抢救副本，然后重新启动。</translation>
    </message>
    <message>
        <source>Another copy of the program kept the database busy for too long. Nothing of this change was saved; try again.</source>
        <translation>另一个程序实例占用数据库时间过长。本次修改未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>The disk reported an error while saving. Nothing of this change was saved; earlier changes are safe. Check the disk and try again.</source>
        <translation>保存时磁盘报告错误。本次修改未保存任何内容；之前的修改安全无损。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from the newest good backup.</source>
        <translation>数据库文件已损坏。请从最新的完好备份恢复。</translation>
    </message>
    <message>
        <source>The database reported an error: {detail}</source>
        <translation>数据库报告错误：{detail}</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Credit reviewer</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Branch head</source>
        <translation>支行行长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>View clients</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>Create clients</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit own clients</source>
        <translation>编辑本人客户</translation>
    </message>
    <message>
        <source>Edit any client</source>
        <translation>编辑任意客户</translation>
    </message>
    <message>
        <source>View deals</source>
        <translation>查看业务</translation>
    </message>
    <message>
        <source>Create deals</source>
        <translation>新建业务</translation>
    </message>
    <message>
        <source>Edit own deals</source>
        <translation>编辑本人业务</translation>
    </message>
    <message>
        <source>Edit any deal</source>
        <translation>编辑任意业务</translation>
    </message>
    <message>
        <source>Review deals</source>
        <translation>审查业务</translation>
    </message>
    <message>
        <source>Approve deals</source>
        <translation>审批业务</translation>
    </message>
    <message>
        <source>Score clients</source>
        <translation>客户评分</translation>
    </message>
    <message>
        <source>Write credit memos</source>
        <translation>撰写授信报告</translation>
    </message>
    <message>
        <source>Show unmasked personal data</source>
        <translation>查看未脱敏个人信息</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>View the audit trail</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Permission “{permission}” covers only your own records; this record belongs to someone else.</source>
        <translation>权限“{permission}”仅适用于您本人的记录；此记录属于他人。</translation>
    </message>
    <message>
        <source>You do not have the permission “{permission}” (your role: {role}).</source>
        <translation>您没有“{permission}”权限（您的角色：{role}）。</translation>
    </message>
    <message>
        <source>Your account is no longer active. Sign in again.</source>
        <translation>您的账户已停用，请重新登录。</translation>
    </message>
    <message>
        <source>The password must be text.</source>
        <translation>密码必须是文本。</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must have at most {n} characters.</source>
        <translation>密码最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must mix at least 3 of: lower-case letters, upper-case letters, digits, other characters.</source>
        <translation>密码须至少包含以下四类中的三类：小写字母、大写字母、数字、其他字符。</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords until {time}. Try again then, or ask an administrator to unlock it.</source>
        <translation>因密码错误次数过多，此账户已锁定至 {time}。请届时再试，或请管理员解锁。</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>The user name must have at most {n} characters.</source>
        <translation>用户名最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The user name must not contain spaces or control characters.</source>
        <translation>用户名不能包含空格或控制字符。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>The name must have at most {n} characters.</source>
        <translation>姓名最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>Choose one of the roles.</source>
        <translation>请选择一个角色。</translation>
    </message>
    <message>
        <source>The user name “{name}” is already taken.</source>
        <translation>用户名“{name}”已被使用。</translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
    <message>
        <source>An administrator already exists. Sign in as the administrator to add users.</source>
        <translation>管理员已存在。请以管理员身份登录后添加用户。</translation>
    </message>
    <message>
        <source>The last administrator cannot be given another role.</source>
        <translation>不能更改最后一位管理员的角色。</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用您自己的账户。</translation>
    </message>
    <message>
        <source>The last administrator cannot be deactivated.</source>
        <translation>不能停用最后一位管理员。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask an administrator for help.</source>
        <translation>此账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>State why you need to see or export personal data.</source>
        <translation>请说明查看或导出个人信息的理由。</translation>
    </message>
    <message>
        <source>This field does not hold personal data that can be shown.</source>
        <translation>此字段不含可显示的个人信息。</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <source>Lock the screen after:</source>
        <translation>自动锁屏：</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>Keep backups for (days):</source>
        <translation>备份保留天数：</translation>
    </message>
    <message>
        <source>Back up every:</source>
        <translation>备份间隔：</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> minutes without use</source>
        <translation> 分钟无操作后</translation>
    </message>
    <message>
        <source> hours (and when the program closes)</source>
        <translation> 小时（程序关闭时也备份）</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Only an administrator can change the screen lock and backup settings (permission “{permission}”).</source>
        <translation>只有管理员可以修改锁屏和备份设置（权限“{permission}”）。</translation>
    </message>
    <message>
        <source>Changes are saved at once. An empty backup folder means the default folder shown in grey.</source>
        <translation>修改即时保存。备份文件夹留空时，使用灰色显示的默认文件夹。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Last backup failed: {problem}</source>
        <translation>上次备份失败：{problem}</translation>
    </message>
    <message>
        <source>Last backup: {file}</source>
        <translation>上次备份：{file}</translation>
    </message>
    <message>
        <source>The backup could not be written: {problem}</source>
        <translation>备份未能写入：{problem}</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the database with the backup {file}? The current database is kept beside it. The program reopens the database and you sign in again.</source>
        <translation>用备份 {file} 替换当前数据库吗？当前数据库会保留在旁边。程序将重新打开数据库，您需要重新登录。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>H2 Credit Desk — sign in</source>
        <translation>氢能信贷工作台 — 登录</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>Save and continue</source>
        <translation>保存并继续</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own password before you continue.</source>
        <translation>您的密码由管理员设置。请先设置您自己的密码再继续。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The file is not an H2 Credit Desk database (it is not an SQLite file).</source>
        <translation>该文件不是氢能信贷工作台的数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from a backup (h2desk restore --db FILE --from BACKUP).</source>
        <translation>数据库文件已损坏。请从备份恢复（h2desk restore --db 文件 --from 备份文件）。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of H2 Credit Desk. Install that version to open it.</source>
        <translation>该数据库由更新版本的氢能信贷工作台创建，请安装该版本后再打开。</translation>
    </message>
    <message>
        <source>The database is on a network drive. SQLite databases can be corrupted there; copy the file to a local disk and open it from there.</source>
        <translation>数据库位于网络驱动器上，SQLite 数据库在网络驱动器上可能损坏；请将文件复制到本地磁盘后再打开。</translation>
    </message>
    <message>
        <source>The safety backup of the database could not be written.</source>
        <translation>无法写入数据库的安全备份。</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>Cannot open the database file:
{path}</source>
        <translation>无法打开数据库文件：
{path}</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>详细信息：{detail}</translation>
    </message>
    <message>
        <source>H2 Credit Desk — cannot open the database</source>
        <translation>氢能信贷工作台 — 无法打开数据库</translation>
    </message>
    <message>
        <source>H2 Credit Desk — restored</source>
        <translation>氢能信贷工作台 — 已恢复</translation>
    </message>
    <message>
        <source>The database was restored from the backup {backup}.
The damaged file is kept at: {kept}</source>
        <translation>数据库已从备份 {backup} 恢复。
损坏的文件保留在：{kept}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The backup was not restored; the database is unchanged.
{problem}</source>
        <translation>备份未恢复，数据库没有变化。
{problem}</translation>
    </message>
    <message>
        <source>The database was restored from {backup}.
The database it replaced is kept at: {kept}
Sign in again.</source>
        <translation>数据库已从 {backup} 恢复。
被替换的数据库保留在：{kept}
请重新登录。</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Audited by an accounting firm</source>
        <translation>经会计师事务所审计</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>会计年度</translation>
    </message>
    <message>
        <source>Audited</source>
        <translation>已审计</translation>
    </message>
    <message>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>{item} (10k CNY)</source>
        <translation>{item}（万元）</translation>
    </message>
    <message>
        <source>Edit statement {year}</source>
        <translation>编辑 {year} 年度报表</translation>
    </message>
    <message>
        <source>New financial statement</source>
        <translation>新增财务报表</translation>
    </message>
    <message>
        <source>Please correct the marked fields:</source>
        <translation>请更正标红的字段：</translation>
    </message>
</context>
<context>
    <name>Taxonomy</name>
    <message>
        <source>Reference data file {file} is invalid: {problem}</source>
        <translation>参考数据文件 {file} 有误：{problem}</translation>
    </message>
</context>
<context>
    <name>UnmaskDialog</name>
    <message>
        <source>Show full personal information</source>
        <translation>显示完整个人信息</translation>
    </message>
    <message>
        <source>You are about to see the full personal information of {subject}. Personal information is protected by law (PIPL): state why you need it. Your name, the time and the reason are recorded in the audit log.</source>
        <translation>您将查看 {subject} 的完整个人信息。个人信息受《个人信息保护法》保护，请说明查看理由。您的姓名、时间和理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Verify identity for a credit application</source>
        <translation>授信申请核实身份</translation>
    </message>
    <message>
        <source>Contact the client about an ongoing loan</source>
        <translation>就在办贷款联系客户</translation>
    </message>
    <message>
        <source>Prepare contract or disbursement documents</source>
        <translation>准备合同或放款资料</translation>
    </message>
    <message>
        <source>Post-loan follow-up</source>
        <translation>贷后跟进</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>The user must choose a new password at next sign-in</source>
        <translation>用户下次登录时必须设置新密码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Someone else changed this user after you opened it. Close this window, reload the list and try again.</source>
        <translation>您打开此用户后，其他人修改了该用户。请关闭此窗口，刷新列表后重试。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Passwords are never shown. A new user chooses their own password at the first sign-in; deactivated users keep their history in the audit trail.</source>
        <translation>密码从不显示。新用户在首次登录时设置自己的密码；停用的用户在审计日志中的记录会保留。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Change name or role…</source>
        <translation>修改姓名或角色…</translation>
    </message>
    <message>
        <source>Set new password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Someone else changed this user meanwhile. The list was reloaded.</source>
        <translation>其他人同时修改了此用户，列表已刷新。</translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer sign in.</source>
        <translation>停用 {name} 吗？停用后该用户将无法登录。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The Unified Social Credit Code is empty.</source>
        <translation>统一社会信用代码为空。</translation>
    </message>
    <message>
        <source>The Unified Social Credit Code must have 18 characters, not {count}.</source>
        <translation>统一社会信用代码应为 18 位，实际为 {count} 位。</translation>
    </message>
    <message>
        <source>The Unified Social Credit Code contains the illegal character &apos;{char}&apos; at position {position}.</source>
        <translation>统一社会信用代码第 {position} 位含有非法字符“{char}”。</translation>
    </message>
    <message>
        <source>Positions 3 to 8 of the Unified Social Credit Code (the administrative division code) must be digits.</source>
        <translation>统一社会信用代码第 3 至 8 位（登记管理机关行政区划码）必须是数字。</translation>
    </message>
    <message>
        <source>The check character of the Unified Social Credit Code is wrong: expected {expected}, found {found}.</source>
        <translation>统一社会信用代码校验码错误：应为 {expected}，实际为 {found}。</translation>
    </message>
    <message>
        <source>The resident ID number is empty.</source>
        <translation>居民身份证号码为空。</translation>
    </message>
    <message>
        <source>The resident ID number must have 18 characters, not {count}.</source>
        <translation>居民身份证号码应为 18 位，实际为 {count} 位。</translation>
    </message>
    <message>
        <source>The resident ID number must be 17 digits followed by a digit or X.</source>
        <translation>居民身份证号码应为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <source>The resident ID number contains an impossible birth date {date}.</source>
        <translation>居民身份证号码中的出生日期 {date} 不存在。</translation>
    </message>
    <message>
        <source>The birth date {date} in the resident ID number is in the future.</source>
        <translation>居民身份证号码中的出生日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>The check character of the resident ID number is wrong: expected {expected}, found {found}.</source>
        <translation>居民身份证号码校验码错误：应为 {expected}，实际为 {found}。</translation>
    </message>
    <message>
        <source>The mobile number is empty.</source>
        <translation>手机号码为空。</translation>
    </message>
    <message>
        <source>{value} is not a mainland China mobile number (11 digits starting with 13 to 19).</source>
        <translation>{value} 不是中国大陆手机号码（11 位数字，以 13 至 19 开头）。</translation>
    </message>
    <message>
        <source>The e-mail address is empty.</source>
        <translation>电子邮箱为空。</translation>
    </message>
    <message>
        <source>{value} is not a valid e-mail address.</source>
        <translation>{value} 不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>The amount is empty.</source>
        <translation>金额为空。</translation>
    </message>
    <message>
        <source>{value} is not a number.</source>
        <translation>{value} 不是数字。</translation>
    </message>
    <message>
        <source>The amount must not be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount is too large (at most 100,000,000 万元).</source>
        <translation>金额过大（最多 100,000,000 万元）。</translation>
    </message>
    <message>
        <source>{value} 万元 has more than four decimal places; amounts are kept in whole yuan.</source>
        <translation>{value} 万元的小数超过四位；金额按整元记录。</translation>
    </message>
    <message>
        <source>The founding date is empty.</source>
        <translation>成立日期为空。</translation>
    </message>
    <message>
        <source>The founding date {value} is not a real date (YYYY-MM-DD).</source>
        <translation>成立日期 {value} 不是有效日期（格式：YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The founding date {value} is in the future.</source>
        <translation>成立日期 {value} 晚于今天。</translation>
    </message>
    <message>
        <source>The founding date {value} is before 1900.</source>
        <translation>成立日期 {value} 早于 1900 年。</translation>
    </message>
</context>
</TS>
