<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>H2 Credit Desk</source>
        <translation>氢能信贷工作台</translation>
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
</context>
<context>
    <name>ClientsPage</name>
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
        <source>Clients scored</source>
        <translation>已评分客户</translation>
    </message>
    <message>
        <source>Snapshots by grade</source>
        <translation>各评级评分记录数</translation>
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
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>Keep backups for (days):</source>
        <translation>备份保留天数：</translation>
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
        <source>Changes are saved at once. An empty backup folder means the default folder shown in grey.</source>
        <translation>修改即时保存。备份文件夹留空时，使用灰色显示的默认文件夹。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
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
</context>
<context>
    <name>Taxonomy</name>
    <message>
        <source>Reference data file {file} is invalid: {problem}</source>
        <translation>参考数据文件 {file} 有误：{problem}</translation>
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
