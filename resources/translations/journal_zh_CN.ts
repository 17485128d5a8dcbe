<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Support Journal</source>
        <translation>关于客服记录本</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the versions, for a bug report</source>
        <translation>复制版本信息，用于报告问题</translation>
    </message>
    <message>
        <source>Support Journal {0}</source>
        <translation>客服记录本 {0}</translation>
    </message>
    <message>
        <source>An encrypted journal of every contact with customer support. Nothing leaves this computer unless you export it.</source>
        <translation>加密保存你与客服的每一次联系。除非你主动导出，任何数据都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Qt {0}, PySide6 {1}</source>
        <translation>Qt {0}，PySide6 {1}</translation>
    </message>
    <message>
        <source>Window toolkit</source>
        <translation>界面工具包</translation>
    </message>
    <message>
        <source>SQLCipher {0}, SQLite {1}</source>
        <translation>SQLCipher {0}，SQLite {1}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>记录本文件夹</translation>
    </message>
    <message>
        <source>&amp;Show in file manager</source>
        <translation>在文件管理器中显示(&amp;S)</translation>
    </message>
    <message>
        <source>Build:</source>
        <translation>构建：</translation>
    </message>
    <message>
        <source>Window toolkit:</source>
        <translation>界面工具包：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <source>Journal folder:</source>
        <translation>记录本文件夹：</translation>
    </message>
    <message>
        <source>not known (this copy carries no build information)</source>
        <translation>未知（此副本不含构建信息）</translation>
    </message>
    <message>
        <source>source checkout, commit {0} of {1}</source>
        <translation>源代码检出，提交 {0}（{1}）</translation>
    </message>
    <message>
        <source>commit {0}, built {1}</source>
        <translation>提交 {0}，构建于 {1}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend entry</source>
        <translation>修订这条记录</translation>
    </message>
    <message>
        <source>Your change is added as a new revision with today&apos;s date. The original stays in the record and anyone reading the case can see both.</source>
        <translation>修改会以今天的日期另存为一个新版本。原内容仍会保留，查看此案件的任何人都能看到修改前后的两个版本。</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. ticket:CB-55120 or just the number</source>
        <translation>例如 ticket:CB-55120，或直接填写编号</translation>
    </message>
    <message>
        <source>Why are you changing this entry?</source>
        <translation>为什么要修改这条记录？</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>客服人员(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Started:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>En&amp;d:</source>
        <translation>结束时间(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Waited:</source>
        <translation>等待时长(&amp;W)：</translation>
    </message>
    <message>
        <source>Add a re&amp;ference:</source>
        <translation>添加参考编号(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Save amendment</source>
        <translation>保存修订</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>AnswerRateChart</name>
    <message>
        <source>Answer rate of calls, per channel</source>
        <translation>各渠道的电话接通率</translation>
    </message>
    <message>
        <source>No calls logged yet: nothing to chart.</source>
        <translation>还没有通话记录，暂无图表。</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export promises and deadlines to a calendar</source>
        <translation>将承诺和期限导出到日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to {0}: import the file into your calendar; importing it again updates them.</source>
        <translation>
            <numerusform>已将 %n 个事件写入 {0}：请将该文件导入您的日历；再次导入会更新这些事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
</context>
<context>
    <name>CallActions</name>
    <message>
        <source>&amp;Hold / back on the line</source>
        <translation>等待 / 恢复通话(&amp;H)</translation>
    </message>
    <message>
        <source>Mark the time you are on hold, and back ({0})</source>
        <translation>标记开始等待和恢复通话的时间（{0}）</translation>
    </message>
    <message>
        <source>Add a &amp;promise…</source>
        <translation>添加承诺(&amp;P)…</translation>
    </message>
    <message>
        <source>Record what they promised and by when ({0})</source>
        <translation>记下对方承诺了什么、何时完成（{0}）</translation>
    </message>
    <message>
        <source>Type a &amp;reference</source>
        <translation>输入参考编号(&amp;R)</translation>
    </message>
    <message>
        <source>Type a ticket or reference number ({0})</source>
        <translation>输入工单号或参考编号（{0}）</translation>
    </message>
    <message>
        <source>The &amp;agent&apos;s name</source>
        <translation>客服人员姓名(&amp;A)</translation>
    </message>
    <message>
        <source>The agent&apos;s name or ID ({0})</source>
        <translation>客服人员的姓名或工号（{0}）</translation>
    </message>
    <message>
        <source>&amp;Didn&apos;t connect…</source>
        <translation>未接通(&amp;D)…</translation>
    </message>
    <message>
        <source>Log an attempt that did not get through ({0})</source>
        <translation>记录一次未接通（{0}）</translation>
    </message>
    <message>
        <source>Tick the &amp;checklist</source>
        <translation>勾选清单(&amp;C)</translation>
    </message>
    <message>
        <source>Tick what was answered; Space ticks ({0})</source>
        <translation>勾选已得到答复的事项；空格键勾选（{0}）</translation>
    </message>
    <message>
        <source>&amp;End and save the call</source>
        <translation>结束并保存通话(&amp;E)</translation>
    </message>
    <message>
        <source>Save the call and its notes ({0})</source>
        <translation>保存通话及备注（{0}）</translation>
    </message>
    <message>
        <source>Discard the call…</source>
        <translation>放弃通话…</translation>
    </message>
    <message>
        <source>Discard this call without saving ({0})</source>
        <translation>放弃此通话，不保存（{0}）</translation>
    </message>
</context>
<context>
    <name>CallCapture</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Other number…</source>
        <translation>其他号码…</translation>
    </message>
    <message>
        <source>Ca&amp;se</source>
        <translation>案件(&amp;S)</translation>
    </message>
    <message>
        <source>Cha&amp;nnel</source>
        <translation>联系渠道(&amp;N)</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Didn&apos;t connect</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Name or ID the agent gave</source>
        <translation>客服人员告知的姓名或工号</translation>
    </message>
    <message>
        <source>Call details</source>
        <translation>通话详情</translation>
    </message>
    <message>
        <source>Choose the case…</source>
        <translation>请选择案件…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服人员</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参考编号(&amp;R)</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Notes: what they said, what you asked, what happens next…</source>
        <translation>备注：对方说了什么、你问了什么、接下来会怎样…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>结束通话</translation>
    </message>
    <message>
        <source>Cancel call</source>
        <translation>取消通话</translation>
    </message>
    <message>
        <source>#{0} {1}: {2}</source>
        <translation>#{0} {1}：{2}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <source>Held {0} in total</source>
        <translation>共等待 {0}</translation>
    </message>
    <message>
        <source>Choose the case this call belongs to; nothing typed is lost.</source>
        <translation>请选择此通话所属的案件；已输入的内容都不会丢失。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Discard this call? Its notes, references and promises will not be saved.</source>
        <translation>要放弃此通话吗？其备注、参考编号和承诺都不会保存。</translation>
    </message>
    <message>
        <source>Discard call</source>
        <translation>放弃通话</translation>
    </message>
</context>
<context>
    <name>CaseForFileDialog</name>
    <message>
        <source>Import evidence</source>
        <translation>导入证据</translation>
    </message>
    <message>
        <source>Which case is {0} evidence for?</source>
        <translation>{0} 是哪个案件的证据？</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>#{0} {1}: {2}</source>
        <translation>#{0} {1}：{2}</translation>
    </message>
    <message>
        <source>There is no open case yet: open one with New case.</source>
        <translation>还没有未结案件：请用“新建案件”新建一个。</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Promises still pending</source>
        <translation>尚未兑现的承诺</translation>
    </message>
    <message>
        <source>Calls, chats and emails, failed attempts included</source>
        <translation>电话、聊天和邮件，含未接通</translation>
    </message>
    <message numerus="yes">
        <source>%n open promise(s)</source>
        <translation>
            <numerusform>%n 项待兑现</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Show cases with this status</source>
        <translation>显示此状态的案件</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Show cases with this platform</source>
        <translation>显示此平台的案件</translation>
    </message>
    <message>
        <source>Filter by platform</source>
        <translation>按平台筛选</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>No cases match these filters.</source>
        <translation>没有符合筛选条件的案件。</translation>
    </message>
    <message>
        <source>No cases yet. Open one with New case (Ctrl+N).</source>
        <translation>还没有案件。点击“新建案件”（Ctrl+N）创建一个。</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>Nothing logged in this case yet. Log a call, chat or email to start its timeline.</source>
        <translation>此案件还没有任何记录。记录一次通话、聊天或邮件，即可开始时间线。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Copy entry</source>
        <translation>复制整条记录</translation>
    </message>
    <message>
        <source>Copy note</source>
        <translation>复制备注</translation>
    </message>
    <message>
        <source>Copy {0}</source>
        <translation>复制 {0}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Choose a case on the left, or open a new one</source>
        <translation>请在左侧选择案件，或新建一个案件</translation>
    </message>
    <message>
        <source>Where this case stands</source>
        <translation>此案件的当前进展</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <source>The complaint, its deadlines, the money at stake, the transactions and wallet addresses</source>
        <translation>投诉、期限、涉及金额、交易和钱包地址</translation>
    </message>
    <message>
        <source>What to ask and what to have ready when you contact them ({0})</source>
        <translation>联系客服时要问什么、要准备什么（{0}）</translation>
    </message>
    <message>
        <source>Checklist of the case</source>
        <translation>本案清单</translation>
    </message>
    <message numerus="yes">
        <source>Checklist (%n open)</source>
        <translation>
            <numerusform>清单（%n 项未完成）</numerusform>
        </translation>
    </message>
    <message>
        <source>Account {0}</source>
        <translation>账户 {0}</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>创建于 {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) open</source>
        <translation>
            <numerusform>已持续 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open promise(s)</source>
        <translation>
            <numerusform>%n 项承诺待兑现</numerusform>
        </translation>
    </message>
    <message>
        <source>Scam risk: the notes describe what official support never asks for. Contact {0} only through its official website or app.</source>
        <translation>诈骗风险：记录中出现了官方客服绝不会索要的内容。请只通过 {0} 的官方网站或 App 联系它。</translation>
    </message>
</context>
<context>
    <name>ChannelForm</name>
    <message>
        <source>Edit channel</source>
        <translation>编辑联系渠道</translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation>添加联系渠道</translation>
    </message>
    <message>
        <source>Phone number, address or link</source>
        <translation>电话号码、地址或链接</translation>
    </message>
    <message>
        <source>A phone number with + and its country code, e.g. +1 888 908 7930</source>
        <translation>带 + 和国家代码的电话号码，例如 +1 888 908 7930</translation>
    </message>
    <message>
        <source>The page where you found it</source>
        <translation>找到此联系方式的网页</translation>
    </message>
    <message>
        <source>Verified: you found it on the platform&apos;s own website or app</source>
        <translation>已核实：你在平台自己的网站或应用上找到它</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Checked to&amp;day</source>
        <translation>今天已核对(&amp;D)</translation>
    </message>
    <message>
        <source>e.g. 24/7, or Mon–Fri 09:00–18:00</source>
        <translation>例如 24/7，或 周一至周五 09:00–18:00</translation>
    </message>
    <message>
        <source>e.g. en, zh-CN</source>
        <translation>例如 en, zh-CN</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>联系方式(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Source &amp;URL:</source>
        <translation>来源 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <source>Last &amp;checked:</source>
        <translation>上次核对(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>服务时间(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>ChannelPicker</name>
    <message>
        <source>Channel</source>
        <translation>联系渠道</translation>
    </message>
    <message>
        <source>Number or address you used</source>
        <translation>你使用的号码或地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} (reported fake)</source>
        <translation>{0}（已被举报为假冒）</translation>
    </message>
    <message>
        <source>✓ One of {0}&apos;s listed channels (source: {1}).</source>
        <translation>✓ {0} 已登记的渠道之一（来源：{1}）。</translation>
    </message>
    <message>
        <source>Use only contacts that {0} publishes itself: fake support numbers are a common scam.</source>
        <translation>请只使用 {0} 官方公布的联系方式：冒充客服的电话是常见骗局。</translation>
    </message>
    <message>
        <source>Use only contacts the platform publishes itself: fake support numbers are a common scam.</source>
        <translation>请只使用平台官方公布的联系方式：冒充客服的电话是常见骗局。</translation>
    </message>
    <message>
        <source>This contact is not one of {0}&apos;s listed channels. Check it on {0}&apos;s official website or app before you share anything.</source>
        <translation>该联系方式不在 {0} 已登记的渠道中。在提供任何信息之前，请先到 {0} 的官方网站或应用上核实。</translation>
    </message>
    <message>
        <source>This channel of {0} is unverified (source: {1}). Check it on the official website or app first.</source>
        <translation>{0} 的这个渠道尚未核实（来源：{1}）。请先到官方网站或应用上核实。</translation>
    </message>
    <message>
        <source>This contact is marked as reported fake for {0}. It is probably a scam: do not call it, pay or share anything.</source>
        <translation>该联系方式已被标记为 {0} 的假冒渠道，很可能是诈骗：不要拨打、不要付款、不要透露任何信息。</translation>
    </message>
    <message>
        <source>This contact is also recorded for {0}. One contact for two platforms is a common sign of a fake support line.</source>
        <translation>该联系方式同时登记在 {0} 名下。同一个联系方式对应两个平台，是假冒客服的常见迹象。</translation>
    </message>
    <message numerus="yes">
        <source>This is a {0} number, shared by %n countries, but {1} lists support in {2} only.</source>
        <translation>
            <numerusform>这是一个 {0} 号码，由 %n 个国家共用，但 {1} 只列出了在 {2} 的客服。</numerusform>
        </translation>
    </message>
    <message>
        <source>This is a number in {0}, but {1} lists support in {2} only.</source>
        <translation>这是一个 {0} 的号码，但 {1} 只列出了在 {2} 的客服。</translation>
    </message>
</context>
<context>
    <name>ChannelTableModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次核对</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>来源网址</translation>
    </message>
    <message>
        <source>{0} (stored as {1})</source>
        <translation>{0}（存储为 {1}）</translation>
    </message>
    <message>
        <source>Checked on the platform&apos;s own website or app</source>
        <translation>已在平台自己的网站或应用上核实</translation>
    </message>
    <message>
        <source>Reported as a fake support line: do not use it</source>
        <translation>已被举报为假冒客服线路：请勿使用</translation>
    </message>
    <message>
        <source>Not checked at the platform&apos;s own website or app yet</source>
        <translation>尚未在平台自己的网站或应用上核实</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Question to ask</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Detail to have ready</source>
        <translation>要准备的资料</translation>
    </message>
    <message>
        <source>Answered {0}</source>
        <translation>已于 {0} 答复</translation>
    </message>
    <message>
        <source>Answered {0} · {1} of {2}</source>
        <translation>已于 {0} 答复 · {2} 的{1}</translation>
    </message>
    <message>
        <source>An item needs some text; to take it off the list, remove it.</source>
        <translation>事项不能为空；若要从清单中去掉，请删除它。</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Space ticks an item, {0} edits it, {1} removes it, {2} and {3} move it</source>
        <translation>空格键勾选，{0} 编辑，{1} 删除，{2} 和 {3} 移动</translation>
    </message>
    <message>
        <source>Nothing prepared for this case yet: add your own, or let Suggest items add the usual ones for its category.</source>
        <translation>这个案件还没有准备任何事项：可以自己添加，或用“建议事项”添加该类别常用的事项。</translation>
    </message>
    <message>
        <source>Question to ask</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Detail to have ready</source>
        <translation>要准备的资料</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>事项类型</translation>
    </message>
    <message>
        <source>Type it here; Enter adds it</source>
        <translation>在此输入；按 Enter 添加</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <translation>新清单事项</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Suggest items</source>
        <translation>建议事项</translation>
    </message>
    <message>
        <source>Add the questions and details usual for this case&apos;s category that the list does not have</source>
        <translation>添加此案件类别常用、而清单中还没有的问题和资料</translation>
    </message>
    <message>
        <source>Move up ({0})</source>
        <translation>上移（{0}）</translation>
    </message>
    <message>
        <source>Move down ({0})</source>
        <translation>下移（{0}）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the chosen item ({0})</source>
        <translation>删除所选事项（{0}）</translation>
    </message>
    <message numerus="yes">
        <source>%n suggested item(s) added.</source>
        <translation>
            <numerusform>已添加 %n 项建议事项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to add: the list already has every suggested item.</source>
        <translation>无需添加：清单中已包含所有建议事项。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Show the contact it was answered in</source>
        <translation>显示答复该事项的那次联系</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
</context>
<context>
    <name>ContactBanner</name>
    <message>
        <source>Contact warning</source>
        <translation>联系方式警告</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>The whole warning</source>
        <translation>完整警告</translation>
    </message>
    <message numerus="yes">
        <source>All %n warnings…</source>
        <translation>
            <numerusform>全部 %n 条警告…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineLines</name>
    <message>
        <source>{0}: answered {1} (due {2})</source>
        <translation>{0}：已于 {1} 答复（截止 {2}）</translation>
    </message>
    <message>
        <source>{0}: answered {1}, late (due {2})</source>
        <translation>{0}：已于 {1} 答复，已逾期（截止 {2}）</translation>
    </message>
    <message>
        <source>{0} due {1} — overdue since {2}: the platform has not answered</source>
        <translation>{0}截止 {1} — 自 {2} 起逾期：平台尚未答复</translation>
    </message>
    <message>
        <source>{0} due {1} — the platform must answer</source>
        <translation>{0}截止 {1} — 平台必须答复</translation>
    </message>
    <message>
        <source>{0}: done {1} (deadline {2})</source>
        <translation>{0}：已于 {1} 完成（期限 {2}）</translation>
    </message>
    <message>
        <source>{0}: done {1}, after the deadline {2}</source>
        <translation>{0}：已于 {1} 完成，晚于期限 {2}</translation>
    </message>
    <message>
        <source>{0}: deadline {1} — overdue since {2}</source>
        <translation>{0}：期限 {1} — 自 {2} 起已逾期</translation>
    </message>
    <message>
        <source>{0}: you can escalate from {1}; no deadline yet</source>
        <translation>{0}：您可自 {1} 起升级投诉；暂无期限</translation>
    </message>
    <message>
        <source>{0}: you can escalate from {1}; deadline {2}</source>
        <translation>{0}：您可自 {1} 起升级投诉；期限 {2}</translation>
    </message>
    <message>
        <source>{0}: your deadline {1}</source>
        <translation>{0}：您的期限为 {1}</translation>
    </message>
    <message>
        <source>{0} overdue since {1}</source>
        <translation>{0}自 {1} 起逾期</translation>
    </message>
    <message>
        <source>{0} due {1}</source>
        <translation>{0}截止 {1}</translation>
    </message>
    <message>
        <source>{0} from {1}</source>
        <translation>{0}：{1} 起</translation>
    </message>
    <message>
        <source>{0} from {1} to {2}</source>
        <translation>{0}：{1} 至 {2}</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}：{1} 前</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>法律</translation>
    </message>
    <message>
        <source>Regulator&apos;s practice</source>
        <translation>监管机构惯例</translation>
    </message>
    <message>
        <source>Card scheme rule</source>
        <translation>卡组织规则</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Extended by the holding reply.</source>
        <translation>因暂缓答复而延长。</translation>
    </message>
    <message>
        <source>{0} · Source: {1}</source>
        <translation>{0} · 来源：{1}</translation>
    </message>
    <message>
        <source>Rule checked {0}</source>
        <translation>规则核对于 {0}</translation>
    </message>
    <message>
        <source>Counted from published rules (sources in the tooltip); not legal advice.</source>
        <translation>按已公布的规则计算（来源见提示）；不构成法律意见。</translation>
    </message>
</context>
<context>
    <name>DeadlineNotifier</name>
    <message>
        <source>case {0}: {1}</source>
        <translation>案件 {0}：{1}</translation>
    </message>
    <message>
        <source>case {0}</source>
        <translation>案件 {0}</translation>
    </message>
    <message>
        <source>{0} deadline today ({1})</source>
        <translation>{0} 期限就在今天（{1}）</translation>
    </message>
    <message numerus="yes">
        <source>{0} deadline in %n day(s) ({1})</source>
        <translation>
            <numerusform>{0} 期限还有 %n 天（{1}）</numerusform>
        </translation>
    </message>
    <message>
        <source>A complaint deadline is near</source>
        <translation>投诉期限即将到期</translation>
    </message>
    <message>
        <source>{0}: the platform has not answered ({1})</source>
        <translation>{0}：平台尚未答复（{1}）</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>A complaint deadline has passed</source>
        <translation>投诉期限已过</translation>
    </message>
    <message>
        <source>Complaint deadlines</source>
        <translation>投诉期限</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint deadline(s) need you; see Promises.</source>
        <translation>
            <numerusform>有 %n 个投诉期限需要您处理；请查看“承诺”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <source>Complaint deadlines</source>
        <translation>投诉期限</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <source>Directory</source>
        <translation>平台目录</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the platform (Ctrl+S)</source>
        <translation>保存平台（Ctrl+S）</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>Show channels &amp;in:</source>
        <translation>显示此语言的渠道(&amp;I)：</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>联系渠道</translation>
    </message>
    <message>
        <source>{0} is marked as reported fake: it is probably a scam. Do not call it, pay or share anything.</source>
        <translation>{0} 已被标记为假冒：很可能是诈骗。不要拨打、不要付款、不要透露任何信息。</translation>
    </message>
    <message>
        <source>{0} is marked as reported fake for {1}: it is probably a scam. Do not call it, pay or share anything.</source>
        <translation>{0} 已被标记为 {1} 的假冒渠道：很可能是诈骗。不要拨打、不要付款、不要透露任何信息。</translation>
    </message>
    <message>
        <source>{0} is also recorded for {1}. A contact shared by two platforms is a common sign of a fake support line.</source>
        <translation>{0} 同时登记在 {1} 名下。同一个联系方式对应两个平台，是假冒客服的常见迹象。</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} is a number in {1}, but {2} lists support in {3} only.</source>
        <translation>{0} 是 {1} 的号码，但 {2} 只列出了在 {3} 的客服。</translation>
    </message>
    <message>
        <source>No channel of this platform lists {0}.</source>
        <translation>该平台没有渠道列出 {0}。</translation>
    </message>
    <message>
        <source>Use only official channels: scammers publish fake support numbers. Note where you found each one.</source>
        <translation>请只使用官方联系渠道：骗子会发布虚假的客服电话。请注明每个联系方式的来源。</translation>
    </message>
    <message>
        <source>Add &amp;channel…</source>
        <translation>添加联系渠道(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>DisputePanel</name>
    <message>
        <source>Whose complaint rules the deadlines follow</source>
        <translation>期限所依据的投诉规则属于哪个地区</translation>
    </message>
    <message>
        <source>Jurisdiction:</source>
        <translation>适用地区：</translation>
    </message>
    <message>
        <source>Where the platform is regulated for you, as its terms say.</source>
        <translation>按平台条款，为您提供服务的平台受哪里监管。</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Hover a deadline for the rule it follows</source>
        <translation>将鼠标悬停在期限上可查看其依据的规则</translation>
    </message>
    <message>
        <source>No deadline yet: choose the jurisdiction and record the formal complaint below, and the deadlines it starts are counted here.</source>
        <translation>暂无期限：选择适用地区并在下方记录正式投诉后，由此开始的期限会在这里计算。</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Add stage…</source>
        <translation>添加阶段…</translation>
    </message>
    <message>
        <source>No stage recorded: add the formal complaint once you have sent it.</source>
        <translation>尚未记录任何阶段：发出正式投诉后请在此添加。</translation>
    </message>
    <message>
        <source>Money at stake</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Add amount…</source>
        <translation>添加金额…</translation>
    </message>
    <message>
        <source>No amount recorded.</source>
        <translation>尚未记录金额。</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Add transaction…</source>
        <translation>添加交易…</translation>
    </message>
    <message>
        <source>No transaction recorded.</source>
        <translation>尚未记录交易。</translation>
    </message>
    <message>
        <source>Wallet addresses</source>
        <translation>钱包地址</translation>
    </message>
    <message>
        <source>Add address…</source>
        <translation>添加地址…</translation>
    </message>
    <message>
        <source>No wallet address recorded.</source>
        <translation>尚未记录钱包地址。</translation>
    </message>
    <message>
        <source>Open in explorer</source>
        <translation>在区块浏览器中打开</translation>
    </message>
    <message>
        <source>Open the chosen transaction on the network&apos;s public block explorer</source>
        <translation>在该网络的公共区块浏览器中打开所选交易</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
</context>
<context>
    <name>DisputeWords</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>欧盟</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中国内地</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Formal complaint</source>
        <translation>正式投诉</translation>
    </message>
    <message>
        <source>Holding reply</source>
        <translation>暂缓答复</translation>
    </message>
    <message>
        <source>Final response</source>
        <translation>最终答复</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级投诉</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>应用内</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Ombudsman</source>
        <translation>申诉专员</translation>
    </message>
    <message>
        <source>Regulator</source>
        <translation>监管机构</translation>
    </message>
    <message>
        <source>Card issuer</source>
        <translation>发卡行</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>警方</translation>
    </message>
    <message>
        <source>Data access request</source>
        <translation>数据查阅请求</translation>
    </message>
    <message>
        <source>Payment or e-money</source>
        <translation>支付或电子货币</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Another network</source>
        <translation>其他网络</translation>
    </message>
</context>
<context>
    <name>DraftState</name>
    <message>
        <source>Draft saved {0}</source>
        <translation>草稿已于 {0} 保存</translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation>已恢复草稿</translation>
    </message>
    <message>
        <source>Draft not saved: {0}</source>
        <translation>草稿未保存：{0}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Attachments drop zone</source>
        <translation>附件拖放区</translation>
    </message>
    <message>
        <source>Drop screenshots or files here, or click here and paste an image ({0}).</source>
        <translation>将截图或文件拖到这里，或点击此处后粘贴图片（{0}）。</translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message>
        <source>A promise is due</source>
        <translation>有承诺已到期</translation>
    </message>
    <message>
        <source>Due now: {0} ({1})</source>
        <translation>现已到期：{0}（{1}）</translation>
    </message>
    <message>
        <source>Due now: {0}</source>
        <translation>现已到期：{0}</translation>
    </message>
    <message>
        <source>Promises are due</source>
        <translation>多项承诺已到期</translation>
    </message>
    <message numerus="yes">
        <source>%n promise(s) came due; see Promises.</source>
        <translation>
            <numerusform>%n 项承诺已到期，请查看“承诺”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The journal database is damaged; run `journal check` and restore from a backup.</source>
        <translation>记录本数据库已损坏；请运行 `journal check`，并从备份恢复。</translation>
    </message>
    <message>
        <source>The journal could not be read or written ({detail}).</source>
        <translation>无法读写记录本（{detail}）。</translation>
    </message>
    <message>
        <source>The journal database {path} is missing.</source>
        <translation>记录本数据库 {path} 不见了。</translation>
    </message>
    <message>
        <source>This journal was written by a newer Support Journal (schema {schema}; this one knows up to {latest}); update the program. Nothing was changed.</source>
        <translation>这个记录本由更新版本的客服记录本写入（数据结构 {schema}；本版本最高只认识 {latest}）；请更新程序。未做任何更改。</translation>
    </message>
    <message>
        <source>{folder} is not a journal (no key header or database there).</source>
        <translation>{folder} 不是记录本（其中没有密钥头文件或数据库）。</translation>
    </message>
    <message>
        <source>There is no journal at {folder}; create one with `journal init`.</source>
        <translation>{folder} 处没有记录本；请用 `journal init` 创建一个。</translation>
    </message>
    <message>
        <source>A journal already exists at {folder}; nothing was changed.</source>
        <translation>{folder} 处已有记录本，未做任何更改。</translation>
    </message>
    <message>
        <source>{folder} is not empty; choose an empty or new folder for the journal.</source>
        <translation>{folder} 不是空文件夹；请为记录本选择一个空的或新的文件夹。</translation>
    </message>
    <message>
        <source>Cannot create {folder}: {reason}.</source>
        <translation>无法创建 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}.</source>
        <translation>无法打开 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>The passphrase is wrong; nothing was changed.</source>
        <translation>主密码不正确，未做任何更改。</translation>
    </message>
    <message>
        <source>That recovery key does not open this journal; nothing was changed.</source>
        <translation>此恢复密钥无法打开这个记录本，未做任何更改。</translation>
    </message>
    <message>
        <source>That is not a valid recovery key; check it against the one you wrote down.</source>
        <translation>这不是有效的恢复密钥，请与你记下的密钥核对。</translation>
    </message>
    <message>
        <source>The recovery copy of the key in journal.key is damaged, so the recovery key would not open this journal; while your passphrase still works, make a new recovery key with `journal recovery-key` and write it down.</source>
        <translation>journal.key 中密钥的恢复副本已损坏，恢复密钥将无法打开这个记录本；请趁主密码仍然有效，用 `journal recovery-key` 生成新的恢复密钥并记下来。</translation>
    </message>
    <message>
        <source>The recovery copy of the key in journal.key is damaged, so no recovery key can open this journal; unlock with your passphrase and make a new recovery key with `journal recovery-key`, or restore the journal from a backup.</source>
        <translation>journal.key 中密钥的恢复副本已损坏，任何恢复密钥都无法打开这个记录本；请用主密码解锁后，用 `journal recovery-key` 生成新的恢复密钥，或从备份恢复记录本。</translation>
    </message>
    <message>
        <source>Cannot read the key header: {reason}.</source>
        <translation>无法读取密钥头文件：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write the key header: {reason}; the old recovery key still opens the journal.</source>
        <translation>无法写入密钥头文件：{reason}；旧的恢复密钥仍可打开记录本。</translation>
    </message>
    <message>
        <source>The key header asks for key derivation weaker than the journal allows; it has been tampered with.</source>
        <translation>密钥头文件要求的密钥派生强度低于记录本允许的下限；它已被篡改。</translation>
    </message>
    <message>
        <source>The key header asks for key derivation far costlier than any journal uses (kdf.{key} above {ceiling}); it has been damaged or tampered with.</source>
        <translation>密钥头文件要求的密钥派生代价远高于任何记录本所用（kdf.{key} 超过 {ceiling}）；它已损坏或被篡改。</translation>
    </message>
    <message>
        <source>The key header is of an unknown format; this version cannot open the journal.</source>
        <translation>密钥头文件的格式未知；此版本无法打开这个记录本。</translation>
    </message>
    <message>
        <source>The key header names a key derivation other than Argon2id, which this version cannot use to open the journal.</source>
        <translation>密钥头文件指定的密钥派生方法不是 Argon2id，此版本无法用它打开记录本。</translation>
    </message>
    <message>
        <source>The key header names a recovery key derivation other than HKDF-SHA256, which this version cannot use.</source>
        <translation>密钥头文件指定的恢复密钥派生方法不是 HKDF-SHA256，此版本无法使用。</translation>
    </message>
    <message>
        <source>The key header is larger than {kib} KiB, so it is not one Support Journal wrote; restore the journal from a backup.</source>
        <translation>密钥头文件大于 {kib} KiB，不是客服记录本写出的文件；请从备份恢复记录本。</translation>
    </message>
    <message>
        <source>The key header is damaged: {detail}; restore the journal from a backup.</source>
        <translation>密钥头文件已损坏：{detail}；请从备份恢复记录本。</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>它不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>it nests too deeply to be a key header</source>
        <translation>它嵌套过深，不可能是密钥头文件</translation>
    </message>
    <message>
        <source>it gives a field twice</source>
        <translation>其中有字段重复出现</translation>
    </message>
    <message>
        <source>it is not JSON</source>
        <translation>它不是 JSON</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>它不是 JSON 对象</translation>
    </message>
    <message>
        <source>{part} is not a JSON object</source>
        <translation>{part} 不是 JSON 对象</translation>
    </message>
    <message>
        <source>{part} has no {field}</source>
        <translation>{part} 缺少 {field}</translation>
    </message>
    <message>
        <source>{part} has a field it should not have, {field}</source>
        <translation>{part} 含有不应有的字段 {field}</translation>
    </message>
    <message>
        <source>its {field} is not text</source>
        <translation>其中的 {field} 不是文本</translation>
    </message>
    <message>
        <source>its {field} is not base64</source>
        <translation>其中的 {field} 不是 base64</translation>
    </message>
    <message>
        <source>its {field} is {size} bytes instead of {expected}</source>
        <translation>其中的 {field} 是 {size} 字节，而不是 {expected} 字节</translation>
    </message>
    <message>
        <source>its kdf.{key} is not a whole number</source>
        <translation>其中的 kdf.{key} 不是整数</translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name for the backup.</source>
        <translation>{target} 是文件夹；请为备份指定一个文件名。</translation>
    </message>
    <message>
        <source>Cannot write the backup to {target}: {reason}.</source>
        <translation>无法把备份写入 {target}：{reason}。</translation>
    </message>
    <message>
        <source>There is not enough free space in {folder} for the backup ({needed} needed, {free} free); nothing was written.</source>
        <translation>{folder} 中的空间不足以存放备份（需要 {needed}，可用 {free}）；没有写入任何内容。</translation>
    </message>
    <message>
        <source>{target} is inside the journal&apos;s own folder; save the backup somewhere else.</source>
        <translation>{target} 在记录本自己的文件夹里；请把备份保存到别处。</translation>
    </message>
    <message>
        <source>{source} is not a Support Journal backup.</source>
        <translation>{source} 不是客服记录本的备份。</translation>
    </message>
    <message>
        <source>{source} is a damaged backup (bad header length).</source>
        <translation>{source} 是损坏的备份（头部长度有误）。</translation>
    </message>
    <message>
        <source>{source} is a truncated backup.</source>
        <translation>{source} 是不完整的备份。</translation>
    </message>
    <message>
        <source>{source} is a folder, not a backup file.</source>
        <translation>{source} 是文件夹，不是备份文件。</translation>
    </message>
    <message>
        <source>There is no case {case}.</source>
        <translation>没有案件 {case}。</translation>
    </message>
    <message>
        <source>There is no interaction {interaction}.</source>
        <translation>没有联系记录 {interaction}。</translation>
    </message>
    <message>
        <source>Interaction {interaction} was voided; it cannot be amended.</source>
        <translation>联系记录 {interaction} 已作废，不能修订。</translation>
    </message>
    <message>
        <source>Interaction {interaction} is already voided.</source>
        <translation>联系记录 {interaction} 已经作废。</translation>
    </message>
    <message>
        <source>There is no promise {promise}.</source>
        <translation>没有承诺 {promise}。</translation>
    </message>
    <message>
        <source>There is no attachment {attachment}.</source>
        <translation>没有附件 {attachment}。</translation>
    </message>
    <message>
        <source>There is no checklist item {item}.</source>
        <translation>没有清单事项 {item}。</translation>
    </message>
    <message>
        <source>Checklist item {item} belongs to case {its_case}, not to case {case}.</source>
        <translation>清单事项 {item} 属于案件 {its_case}，不属于案件 {case}。</translation>
    </message>
    <message>
        <source>There is no platform {platform}.</source>
        <translation>没有平台 {platform}。</translation>
    </message>
    <message>
        <source>There is no platform called {name!r}; add it with `journal platform add`.</source>
        <translation>没有名为 {name!r} 的平台；请用 `journal platform add` 添加。</translation>
    </message>
    <message>
        <source>A platform named {name!r} already exists.</source>
        <translation>名为 {name!r} 的平台已经存在。</translation>
    </message>
    <message>
        <source>There is no channel {channel}.</source>
        <translation>没有联系渠道 {channel}。</translation>
    </message>
    <message>
        <source>{platform} already has the {kind} channel {value!r}.</source>
        <translation>{platform} 已有{kind}渠道 {value!r}。</translation>
    </message>
    <message>
        <source>This platform already has the {kind} channel {value!r}.</source>
        <translation>该平台已有{kind}渠道 {value!r}。</translation>
    </message>
    <message>
        <source>This journal is open in another Support Journal process; close it there first.</source>
        <translation>此记录本已在另一个客服记录本程序中打开，请先在那里关闭。</translation>
    </message>
    <message>
        <source>The journal database is busy in another process; close it there first.</source>
        <translation>记录本数据库正被另一个程序占用，请先在那里关闭。</translation>
    </message>
    <message>
        <source>{text!r} is not a {what}; use one of: {words}.</source>
        <translation>{text!r} 不是有效的{what}；可选：{words}。</translation>
    </message>
    <message>
        <source>The {what} is empty; give it as ISO 8601, e.g. 2026-11-25T14:30.</source>
        <translation>{what}为空；请按 ISO 8601 格式填写，例如 2026-11-25T14:30。</translation>
    </message>
    <message>
        <source>The {what} {raw!r} is out of range; give a year from {first} to {last}.</source>
        <translation>{what} {raw!r} 超出范围；年份须在 {first} 到 {last} 之间。</translation>
    </message>
    <message>
        <source>{raw!r} is not a {what} in ISO 8601, e.g. 2026-11-25T14:30 or 2026-11-25T14:30+08:00.</source>
        <translation>{raw!r} 不是 ISO 8601 格式的{what}，例如 2026-11-25T14:30 或 2026-11-25T14:30+08:00。</translation>
    </message>
    <message>
        <source>The passphrase must be at least {count} characters long.</source>
        <translation>主密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The passphrase must not start or end with spaces.</source>
        <translation>主密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe or a device); attach a file.</source>
        <translation>{path} 不是普通文件（而是管道或设备）；请添加文件。</translation>
    </message>
    <message>
        <source>{path} is a folder; attach files one by one.</source>
        <translation>{path} 是文件夹；请逐个添加文件。</translation>
    </message>
    <message>
        <source>Cannot read the attachment {path}: {reason}.</source>
        <translation>无法读取附件 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is larger than {mb} MB.</source>
        <translation>{name} 超过 {mb} MB。</translation>
    </message>
    <message>
        <source>The {what} is empty.</source>
        <translation>{what}为空。</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit:,} characters.</source>
        <translation>{what}超过 {limit:,} 个字符。</translation>
    </message>
    <message>
        <source>The {what} contains a NUL character.</source>
        <translation>{what}中含有 NUL 字符。</translation>
    </message>
    <message>
        <source>The note is longer than {limit:,} characters; attach long transcripts as a file instead.</source>
        <translation>备注超过 {limit:,} 个字符；较长的记录请作为文件附上。</translation>
    </message>
    <message>
        <source>The note contains a NUL character; is it a binary file?</source>
        <translation>备注中含有 NUL 字符；这是二进制文件吗？</translation>
    </message>
    <message>
        <source>{value!r} is not a {what} number.</source>
        <translation>{value!r} 不是有效的{what}编号。</translation>
    </message>
    <message>
        <source>{code!r} is not a language code such as en, zh or zh-CN.</source>
        <translation>{code!r} 不是语言代码（例如 en、zh 或 zh-CN）。</translation>
    </message>
    <message>
        <source>A reference number is empty.</source>
        <translation>参考编号为空。</translation>
    </message>
    <message>
        <source>A reference number must be one line of at most {limit} characters.</source>
        <translation>参考编号须为一行，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The phone number {value!r} has no country code; write it with + and the country code, e.g. +1 888 908 7930.</source>
        <translation>电话号码 {value!r} 缺少国家代码；请以 + 加国家代码书写，例如 +1 888 908 7930。</translation>
    </message>
    <message>
        <source>{value!r} is not a phone number.</source>
        <translation>{value!r} 不是电话号码。</translation>
    </message>
    <message>
        <source>{value!r} is not a valid phone number for country code +{country_code}; check the digits.</source>
        <translation>{value!r} 不是国家代码 +{country_code} 下的有效电话号码；请核对数字。</translation>
    </message>
    <message>
        <source>{code!r} is not a two-letter country code such as US, GB, SG or CN.</source>
        <translation>{code!r} 不是两个字母的国家代码（例如 US、GB、SG 或 CN）。</translation>
    </message>
    <message>
        <source>{name!r} is not a time zone; use a name such as Europe/London, America/New_York or Asia/Shanghai.</source>
        <translation>{name!r} 不是时区；请使用 Europe/London、America/New_York 或 Asia/Shanghai 这样的名称。</translation>
    </message>
    <message>
        <source>{text!r} is not a date such as 2026-11-25.</source>
        <translation>{text!r} 不是日期（例如 2026-11-25）。</translation>
    </message>
    <message>
        <source>The date checked {text!r} is in the future.</source>
        <translation>核对日期 {text!r} 在未来。</translation>
    </message>
    <message>
        <source>The {what} {url!r} must start with https:// or http://.</source>
        <translation>{what} {url!r} 必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>Entry {seq} ({entity} {id}, {action}) does not match its hash.</source>
        <translation>第 {seq} 条记录（{entity} {id}，{action}）与其哈希值不符。</translation>
    </message>
    <message>
        <source>Entry {seq} ({entity} {id}) does not link to the entry before it.</source>
        <translation>第 {seq} 条记录（{entity} {id}）没有链接到前一条记录。</translation>
    </message>
    <message>
        <source>Entry {seq} ({entity} {id}) does not link to the entry before it in its case.</source>
        <translation>第 {seq} 条记录（{entity} {id}）没有链接到同一案件中的前一条记录。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满，未保存任何内容。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The journal folder cannot be written to; check its permissions.</source>
        <translation>无法写入记录本文件夹，请检查其权限。</translation>
    </message>
    <message>
        <source>Something went wrong inside Support Journal ({kind}); nothing was changed by this action. The details, without any journal content, are in {log}.</source>
        <translation>客服记录本内部出现问题（{kind}），此次操作没有做任何更改。详细情况（不含任何记录内容）已写入 {log}。</translation>
    </message>
    <message>
        <source>Something went wrong inside Support Journal ({kind}); nothing was changed by this action.</source>
        <translation>客服记录本内部出现问题（{kind}），此次操作没有做任何更改。</translation>
    </message>
    <message>
        <source>Support Journal ran out of memory; nothing was changed by this action. Close some other programs and try again; the details are in {log}.</source>
        <translation>客服记录本内存不足，此次操作没有做任何更改。请关闭一些其他程序后重试；详细情况已写入 {log}。</translation>
    </message>
    <message>
        <source>something went wrong inside Support Journal ({kind}); nothing was changed. The details, without any journal content, are in {log} (JOURNAL_DEBUG=1 shows them here).</source>
        <translation>客服记录本内部出现问题（{kind}），没有做任何更改。详细情况（不含任何记录内容）已写入 {log}（设置 JOURNAL_DEBUG=1 可在此显示）。</translation>
    </message>
    <message>
        <source>something went wrong inside Support Journal ({kind}); nothing was changed. Set JOURNAL_DEBUG=1 to see details.</source>
        <translation>客服记录本内部出现问题（{kind}），没有做任何更改。设置 JOURNAL_DEBUG=1 可查看详细情况。</translation>
    </message>
    <message>
        <source>something went wrong inside Support Journal: it ran out of memory; nothing was changed. Close some other programs and try again; the details are in {log} (JOURNAL_DEBUG=1 shows them here).</source>
        <translation>客服记录本内部出现问题：内存不足，没有做任何更改。请关闭一些其他程序后重试；详细情况已写入 {log}（设置 JOURNAL_DEBUG=1 可在此显示）。</translation>
    </message>
    <message>
        <source>The dump is not UTF-8 text, so it is not a journal dump.</source>
        <translation>转储文件不是 UTF-8 文本，因此不是记录本的转储文件。</translation>
    </message>
    <message>
        <source>The dump is not complete JSON ({why} at line {line}); nothing was imported.</source>
        <translation>转储文件不是完整的 JSON（第 {line} 行：{why}）；没有导入任何内容。</translation>
    </message>
    <message>
        <source>The dump nests lists or objects too deeply, or holds too long a number, to be a journal dump; nothing was imported.</source>
        <translation>转储文件中的列表或对象嵌套过深，或数字过长，不可能是记录本的转储文件；没有导入任何内容。</translation>
    </message>
    <message>
        <source>Import needs a new, empty journal; create one with `journal init --journal DIR`.</source>
        <translation>导入需要一个新的空记录本；请用 `journal init --journal DIR` 创建。</translation>
    </message>
    <message>
        <source>The dump breaks a rule of the journal&apos;s database ({detail}); nothing was imported.</source>
        <translation>转储文件违反了记录本数据库的规则（{detail}）；没有导入任何内容。</translation>
    </message>
    <message>
        <source>This is not a Support Journal dump: it is not a JSON object.</source>
        <translation>这不是客服记录本的转储文件：它不是 JSON 对象。</translation>
    </message>
    <message>
        <source>This is not a Support Journal dump: its &quot;format&quot; is not &quot;{format}&quot;.</source>
        <translation>这不是客服记录本的转储文件：其 &quot;format&quot; 不是 &quot;{format}&quot;。</translation>
    </message>
    <message>
        <source>The dump&apos;s version {value} is not a version number.</source>
        <translation>转储文件的版本 {value} 不是版本号。</translation>
    </message>
    <message>
        <source>The dump is format version {version}, but this Support Journal reads only up to version {latest}; update the program to import it.</source>
        <translation>转储文件的格式版本是 {version}，而此版本的客服记录本最高只能读取版本 {latest}；请更新程序后再导入。</translation>
    </message>
    <message>
        <source>The dump&apos;s schema {value} is not a schema number.</source>
        <translation>转储文件的数据结构 {value} 不是数据结构编号。</translation>
    </message>
    <message>
        <source>The dump comes from a journal of schema {schema}, newer than this Support Journal knows ({latest}); update the program to import it.</source>
        <translation>转储文件来自数据结构 {schema} 的记录本，比此版本的客服记录本所知的（{latest}）更新；请更新程序后再导入。</translation>
    </message>
    <message>
        <source>The dump&apos;s exported_at is not an ISO 8601 time with a UTC offset.</source>
        <translation>转储文件的 exported_at 不是带 UTC 偏移的 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>The dump has an unknown section {name}.</source>
        <translation>转储文件中有未知的部分 {name}。</translation>
    </message>
    <message>
        <source>The dump has no &quot;{section}&quot; list; is the file complete?</source>
        <translation>转储文件中没有 &quot;{section}&quot; 列表；文件完整吗？</translation>
    </message>
    <message>
        <source>The dump has two &quot;{section}&quot; lists.</source>
        <translation>转储文件中有两个 &quot;{section}&quot; 列表。</translation>
    </message>
    <message>
        <source>The dump&apos;s &quot;{key}&quot; comes after its lists; a dump begins with format, version, schema and exported_at.</source>
        <translation>转储文件的 &quot;{key}&quot; 出现在各列表之后；转储文件应以 format、version、schema 和 exported_at 开头。</translation>
    </message>
    <message>
        <source>Record {n} of the dump&apos;s {section} is not a JSON object.</source>
        <translation>转储文件 {section} 中的第 {n} 条记录不是 JSON 对象。</translation>
    </message>
    <message>
        <source>{entity} {id}</source>
        <translation>{entity} {id}</translation>
    </message>
    <message>
        <source>{entity} number {n} in the list</source>
        <translation>列表中的第 {n} 个{entity}</translation>
    </message>
    <message>
        <source>The dump&apos;s {record} has no &quot;{field}&quot;.</source>
        <translation>转储文件中的 {record} 缺少 &quot;{field}&quot;。</translation>
    </message>
    <message>
        <source>The dump&apos;s {record} has {field} {value}, which is not {expected}.</source>
        <translation>转储文件中 {record} 的 {field} 是 {value}，不是{expected}。</translation>
    </message>
    <message>
        <source>The dump&apos;s {record} has an unknown key {key}.</source>
        <translation>转储文件中的 {record} 含有未知的键 {key}。</translation>
    </message>
    <message>
        <source>The dump&apos;s {record} has no &quot;content_base64&quot;.</source>
        <translation>转储文件中的 {record} 缺少 &quot;content_base64&quot;。</translation>
    </message>
    <message>
        <source>a whole number above 0</source>
        <translation>大于 0 的整数</translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation>0 或更大的整数</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>an ISO 8601 time with a UTC offset, such as 2026-11-25T14:30:00+08:00, in the years {first} to {last}</source>
        <translation>带 UTC 偏移、年份在 {first} 到 {last} 之间的 ISO 8601 时间，例如 2026-11-25T14:30:00+08:00</translation>
    </message>
    <message>
        <source>a number of minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>a SHA-256 in 64 lower-case hex digits</source>
        <translation>由 64 个小写十六进制数字组成的 SHA-256</translation>
    </message>
    <message>
        <source>a list of language codes</source>
        <translation>语言代码列表</translation>
    </message>
    <message>
        <source>a JSON object nested at most {depth} deep</source>
        <translation>嵌套不超过 {depth} 层的 JSON 对象</translation>
    </message>
    <message>
        <source>a list of two-letter country codes</source>
        <translation>两个字母的国家代码列表</translation>
    </message>
    <message>
        <source>a date such as 2026-11-25</source>
        <translation>日期（例如 2026-11-25）</translation>
    </message>
    <message>
        <source>one of: {words}</source>
        <translation>以下之一：{words}</translation>
    </message>
    <message>
        <source>The dump has two {records} with {key} {id}.</source>
        <translation>转储文件中有两个{records}的 {key} 都是 {id}。</translation>
    </message>
    <message>
        <source>The dump&apos;s {record} refers to {entity} {id}, which is not in the dump.</source>
        <translation>转储文件中的 {record} 引用了{entity} {id}，但转储文件中没有它。</translation>
    </message>
    <message>
        <source>The dump has two platforms named {name}.</source>
        <translation>转储文件中有两个名为 {name} 的平台。</translation>
    </message>
    <message>
        <source>The dump has two {kind} channels {value} for platform {platform}.</source>
        <translation>转储文件中平台 {platform} 有两个相同的{kind}渠道 {value}。</translation>
    </message>
    <message>
        <source>The dump&apos;s interaction {interaction} uses channel {channel}, which belongs to another platform than case {case}.</source>
        <translation>转储文件中的联系记录 {interaction} 使用了联系渠道 {channel}，但它属于与案件 {case} 不同的平台。</translation>
    </message>
    <message>
        <source>The dump&apos;s promise {promise} names case {case}, but its interaction {interaction} belongs to case {its_case}.</source>
        <translation>转储文件中的承诺 {promise} 写的是案件 {case}，但它所属的联系记录 {interaction} 属于案件 {its_case}。</translation>
    </message>
    <message>
        <source>The dump&apos;s attachment {attachment} has content_base64 that is not valid base64.</source>
        <translation>转储文件中附件 {attachment} 的 content_base64 不是有效的 base64。</translation>
    </message>
    <message>
        <source>The dump&apos;s attachment {attachment} ({name}) does not match its size and SHA-256.</source>
        <translation>转储文件中的附件 {attachment}（{name}）与其大小和 SHA-256 不符。</translation>
    </message>
    <message>
        <source>The dump&apos;s ledger entry {seq} has a body that is not plain JSON text.</source>
        <translation>转储文件中账本条目 {seq} 的内容不是纯 JSON 文本。</translation>
    </message>
    <message>
        <source>The dump&apos;s hash chain is broken: {link}</source>
        <translation>转储文件的哈希链已断开：{link}</translation>
    </message>
    <message>
        <source>entry {seq} ({entity} {id}, {action}) does not match its hash.</source>
        <translation>第 {seq} 条记录（{entity} {id}，{action}）与其哈希值不符。</translation>
    </message>
    <message>
        <source>entry {seq} ({entity} {id}) does not link to the entry before it.</source>
        <translation>第 {seq} 条记录（{entity} {id}）没有链接到前一条记录。</translation>
    </message>
    <message>
        <source>entry {seq} ({entity} {id}) does not link to the entry before it in its case.</source>
        <translation>第 {seq} 条记录（{entity} {id}）没有链接到同一案件中的前一条记录。</translation>
    </message>
    <message>
        <source>The dump&apos;s ledger entry {seq} is out of order.</source>
        <translation>转储文件中的账本条目 {seq} 顺序有误。</translation>
    </message>
    <message>
        <source>The dump&apos;s ledger creates {entity} {id} twice.</source>
        <translation>转储文件的账本两次创建了{entity} {id}。</translation>
    </message>
    <message>
        <source>The dump&apos;s ledger entry {seq} changes {entity} {id} before any entry creates it.</source>
        <translation>转储文件中的账本条目 {seq} 在{entity} {id} 被创建之前就修改了它。</translation>
    </message>
    <message>
        <source>The dump&apos;s {entity} {id} has no entry in the hash chain; is the file complete?</source>
        <translation>转储文件中的{entity} {id} 在哈希链中没有记录；文件完整吗？</translation>
    </message>
    <message>
        <source>The dump&apos;s {entity} {id} does not match the hash chain in its &quot;{field}&quot;.</source>
        <translation>转储文件中{entity} {id} 的 &quot;{field}&quot; 与哈希链不符。</translation>
    </message>
    <message>
        <source>The dump&apos;s hash chain files {entity} {id} under case {filed}, not case {case}.</source>
        <translation>转储文件的哈希链把{entity} {id} 记在案件 {filed} 下，而不是案件 {case}。</translation>
    </message>
    <message>
        <source>The dump&apos;s hash chain records {entity} {id}, which is not in the dump.</source>
        <translation>转储文件的哈希链记录了{entity} {id}，但转储文件中没有它。</translation>
    </message>
    <message>
        <source>Cannot write in {folder}: {reason}.</source>
        <translation>无法在 {folder} 中写入：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}; nothing was written.</source>
        <translation>无法写入 {path}：{reason}；没有写入任何内容。</translation>
    </message>
    <message>
        <source>{language!r} is not a language of the case file; use en or zh_CN.</source>
        <translation>{language!r} 不是案件档案可用的语言；请使用 en 或 zh_CN。</translation>
    </message>
    <message>
        <source>{paper!r} is not a paper size for the case file; use a4 or letter.</source>
        <translation>{paper!r} 不是案件档案可用的纸张尺寸；请使用 a4 或 letter。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>No font on this computer can show these characters: {shown}; install a font that has them (for Chinese, a CJK font such as Noto Sans CJK) and export again.</source>
        <translation>这台电脑上没有字体能显示这些字符：{shown}；请安装包含它们的字体（中文可用 Noto Sans CJK 等 CJK 字体）后再导出。</translation>
    </message>
    <message>
        <source>No font on this computer can show these characters: {shown} and {more} more; install a font that has them (for Chinese, a CJK font such as Noto Sans CJK) and export again.</source>
        <translation>这台电脑上没有字体能显示这些字符：{shown}，另有 {more} 个；请安装包含它们的字体（中文可用 Noto Sans CJK 等 CJK 字体）后再导出。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a PDF.</source>
        <translation>{path} 是文件夹，不是 PDF。</translation>
    </message>
    <message>
        <source>{path} is not a PDF file.</source>
        <translation>{path} 不是 PDF 文件。</translation>
    </message>
    <message>
        <source>{path} is not a Support Journal bundle: {why}.</source>
        <translation>{path} 不是客服记录本的证据包：{why}。</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是文件夹</translation>
    </message>
    <message>
        <source>it is not a ZIP file</source>
        <translation>它不是 ZIP 文件</translation>
    </message>
    <message>
        <source>it has no {name}</source>
        <translation>其中没有 {name}</translation>
    </message>
    <message>
        <source>its {name} cannot be read</source>
        <translation>其中的 {name} 无法读取</translation>
    </message>
    <message>
        <source>its {name} is of another kind</source>
        <translation>其中的 {name} 是另一种文件</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>since time</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>opening time</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <source>due time of the promise</source>
        <translation>承诺的到期时间</translation>
    </message>
    <message>
        <source>case title</source>
        <translation>案件标题</translation>
    </message>
    <message>
        <source>case category</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>case status</source>
        <translation>案件状态</translation>
    </message>
    <message>
        <source>account id</source>
        <translation>账户 ID</translation>
    </message>
    <message>
        <source>agent name</source>
        <translation>客服人员姓名</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>kind of interaction</source>
        <translation>联系类型</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>promise status</source>
        <translation>承诺状态</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>draft name</source>
        <translation>草稿名称</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>kind of checklist item</source>
        <translation>清单事项类型</translation>
    </message>
    <message>
        <source>platform name</source>
        <translation>平台名称</translation>
    </message>
    <message>
        <source>platform kind</source>
        <translation>平台类型</translation>
    </message>
    <message>
        <source>website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>help-centre address</source>
        <translation>帮助中心网址</translation>
    </message>
    <message>
        <source>status page address</source>
        <translation>状态页面网址</translation>
    </message>
    <message>
        <source>support hours</source>
        <translation>客服时间</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>channel kind</source>
        <translation>渠道类型</translation>
    </message>
    <message>
        <source>channel value</source>
        <translation>渠道号码或地址</translation>
    </message>
    <message>
        <source>channel source</source>
        <translation>渠道来源</translation>
    </message>
    <message>
        <source>channel status</source>
        <translation>渠道状态</translation>
    </message>
    <message>
        <source>source URL</source>
        <translation>来源网址</translation>
    </message>
    <message>
        <source>date checked</source>
        <translation>核对日期</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>reference kind</source>
        <translation>编号类型</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>主密码</translation>
    </message>
    <message>
        <source>new passphrase</source>
        <translation>新主密码</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>the header</source>
        <translation>密钥头文件</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>联系渠道</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <source>promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>checklist item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>ledger entry</source>
        <translation>账本条目</translation>
    </message>
    <message>
        <source>platforms</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>联系渠道</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>references</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <source>promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>checklist</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>ledger entries</source>
        <translation>账本条目</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>投诉阶段</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>投诉阶段</translation>
    </message>
    <message>
        <source>money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>wallet</source>
        <translation>钱包地址</translation>
    </message>
    <message>
        <source>wallets</source>
        <translation>钱包地址</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>fiat value</source>
        <translation>法币价值</translation>
    </message>
    <message>
        <source>jurisdiction</source>
        <translation>适用地区</translation>
    </message>
    <message>
        <source>complaint stage</source>
        <translation>投诉阶段</translation>
    </message>
    <message>
        <source>kind of complaint</source>
        <translation>投诉类型</translation>
    </message>
    <message>
        <source>body escalated to</source>
        <translation>升级投诉对象</translation>
    </message>
    <message>
        <source>way of complaining</source>
        <translation>投诉方式</translation>
    </message>
    <message>
        <source>whose address</source>
        <translation>地址所属</translation>
    </message>
    <message>
        <source>stage reference</source>
        <translation>阶段编号</translation>
    </message>
    <message>
        <source>stage time</source>
        <translation>阶段时间</translation>
    </message>
    <message>
        <source>transaction time</source>
        <translation>交易时间</translation>
    </message>
    <message>
        <source>date of the fiat value</source>
        <translation>法币价值的日期</translation>
    </message>
    <message>
        <source>address label</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <source>holding reply</source>
        <translation>暂缓答复</translation>
    </message>
    <message>
        <source>final response</source>
        <translation>最终答复</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>in-app</source>
        <translation>应用内</translation>
    </message>
    <message>
        <source>social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>web-form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>不允许此操作</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>文件系统只读</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>这不是文件夹</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>设备或资源正忙</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>此处缺少一个值</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>末尾有多余的内容</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>此处缺少逗号 &quot;,&quot;</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>此处缺少冒号 &quot;:&quot;</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>此处缺少带双引号的属性名</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>含有无效的控制字符</translation>
    </message>
    <message>
        <source>The journal is locked.</source>
        <translation>记录本已锁定。</translation>
    </message>
    <message>
        <source>Stopped; nothing of it was kept.</source>
        <translation>已停止；这项操作的内容都未保留。</translation>
    </message>
    <message>
        <source>The {what} {text!r} is in the future.</source>
        <translation>{what} {text!r} 在未来。</translation>
    </message>
    <message>
        <source>The end time is before the start time.</source>
        <translation>结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>{value!r} is not a number of minutes.</source>
        <translation>{value!r} 不是分钟数。</translation>
    </message>
    <message>
        <source>The wait must be between 0 and 1440 minutes.</source>
        <translation>等待时间须在 0 到 1440 分钟之间。</translation>
    </message>
    <message>
        <source>Channel {channel} belongs to {its_platform}, not to {platform}.</source>
        <translation>联系渠道 {channel} 属于 {its_platform}，不属于 {platform}。</translation>
    </message>
    <message>
        <source>Cannot amend {fields}.</source>
        <translation>无法修订 {fields}。</translation>
    </message>
    <message>
        <source>Nothing to amend: give a new note, agent, time, reference, promise or file.</source>
        <translation>没有要修订的内容：请提供新的备注、客服人员、时间、参考编号、承诺或文件。</translation>
    </message>
    <message>
        <source>A promise can be set to kept, broken or cancelled.</source>
        <translation>承诺只能设为已兑现（kept）、未兑现（broken）或已取消（cancelled）。</translation>
    </message>
    <message>
        <source>A checklist holds at most {limit} items.</source>
        <translation>一份清单最多只能有 {limit} 个事项。</translation>
    </message>
    <message>
        <source>Interaction {interaction} belongs to case {its_case}, not to case {case}.</source>
        <translation>联系记录 {interaction} 属于案件 {its_case}，不属于案件 {case}。</translation>
    </message>
    <message>
        <source>The search is longer than 1,000 characters.</source>
        <translation>搜索内容超过 1,000 个字符。</translation>
    </message>
    <message>
        <source>The limit must be between 1 and 1000.</source>
        <translation>数量上限须在 1 到 1000 之间。</translation>
    </message>
    <message>
        <source>A draft holds only text, numbers, lists and mappings.</source>
        <translation>草稿只能包含文本、数字、列表和映射。</translation>
    </message>
    <message>
        <source>The draft is longer than {limit:,} characters.</source>
        <translation>草稿超过 {limit:,} 个字符。</translation>
    </message>
    <message>
        <source>Give a file name ending in .pdf (the case file) or .zip (the bundle), not {name}.</source>
        <translation>请提供以 .pdf（案件档案）或 .zip（证据包）结尾的文件名，而不是 {name}。</translation>
    </message>
    <message>
        <source>{kind!r} is not a kind of export; use pdf or bundle.</source>
        <translation>{kind!r} 不是导出类型；请使用 pdf 或 bundle。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name ending in {suffix}.</source>
        <translation>{path} 是文件夹；请提供以 {suffix} 结尾的文件名。</translation>
    </message>
    <message>
        <source>The text of {name} has not been read yet; `journal ocr run` reads it.</source>
        <translation>{name} 中的文字尚未读取；运行 `journal ocr run` 即可读取。</translation>
    </message>
    <message>
        <source>{name} is a {media_type} file, which holds no text to read; only pictures and PDFs are read.</source>
        <translation>{name} 是 {media_type} 文件，其中没有可读取的文字；只读取图片和 PDF。</translation>
    </message>
    <message>
        <source>The text of {name} could not be read: {reason}</source>
        <translation>无法读取 {name} 中的文字：{reason}</translation>
    </message>
    <message>
        <source>the window cannot start because Qt could not be loaded ({detail}); every command works without it, see `journal --help`.</source>
        <translation>无法启动窗口，因为无法加载 Qt（{detail}）；所有命令不需要窗口也能使用，请参阅 `journal --help`。</translation>
    </message>
    <message>
        <source>{shown} is too large to be the number of any {what}; nothing was changed.</source>
        <translation>{shown} 太大，不可能是任何{what}的编号；未做任何更改。</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} 已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file to import (or a Telegram export folder, which holds result.json).</source>
        <translation>{path} 是文件夹；请给出要导入的文件（或含有 result.json 的 Telegram 导出文件夹）。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, so it is not a journal dump.</source>
        <translation>{name} 不是 UTF-8 文本，因此不是记录本的转储文件。</translation>
    </message>
    <message>
        <source>{name} is not complete JSON ({why} at line {line}); nothing was imported.</source>
        <translation>{name} 不是完整的 JSON（第 {line} 行：{why}）；没有导入任何内容。</translation>
    </message>
    <message>
        <source>{name} nests too deeply or holds too long a number to be a journal dump; nothing was imported.</source>
        <translation>{name} 嵌套过深或数字过长，不可能是记录本的转储文件；没有导入任何内容。</translation>
    </message>
    <message>
        <source>The note file {path} is not a regular file.</source>
        <translation>备注文件 {path} 不是普通文件。</translation>
    </message>
    <message>
        <source>The note file {path} does not exist.</source>
        <translation>备注文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The note file {path} is not UTF-8 text.</source>
        <translation>备注文件 {path} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Cannot read the note file {path}: {reason}.</source>
        <translation>无法读取备注文件 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Give each --promise its own --due time (they pair up in order).</source>
        <translation>请为每个 --promise 提供各自的 --due 时间（两者按顺序配对）。</translation>
    </message>
    <message>
        <source>{language!r} is not a language of the suggestions; use en or zh_CN.</source>
        <translation>{language!r} 不是建议清单可用的语言；请使用 en 或 zh_CN。</translation>
    </message>
    <message>
        <source>{position!r} is not a place in the list; 1 is the first.</source>
        <translation>{position!r} 不是列表中的位置；第一个位置是 1。</translation>
    </message>
    <message>
        <source>{file} does not verify: 1 problem above.</source>
        <translation>{file} 未通过核验：问题见上方 1 条。</translation>
    </message>
    <message>
        <source>{file} does not verify: {count} problems above.</source>
        <translation>{file} 未通过核验：问题见上方 {count} 条。</translation>
    </message>
    <message>
        <source>Say what to change, e.g. --website URL or --country GB; see `journal platform edit --help`.</source>
        <translation>请说明要更改什么，例如 --website URL 或 --country GB；参见 `journal platform edit --help`。</translation>
    </message>
    <message>
        <source>Say what to change, e.g. --status verified or --value VALUE; see `journal channel edit --help`.</source>
        <translation>请说明要更改什么，例如 --status verified 或 --value VALUE；参见 `journal channel edit --help`。</translation>
    </message>
    <message>
        <source>The {what} file {path} does not exist.</source>
        <translation>{what}文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Cannot read the {what} file {path}: {reason}.</source>
        <translation>无法读取{what}文件 {path}：{reason}。</translation>
    </message>
    <message>
        <source>No passphrase given: set JOURNAL_PASSPHRASE, use --passphrase-file, or run in a terminal.</source>
        <translation>没有提供主密码：请设置 JOURNAL_PASSPHRASE、使用 --passphrase-file，或在终端中运行。</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>两次输入的主密码不一致，未做任何更改。</translation>
    </message>
    <message>
        <source>No new passphrase given: set JOURNAL_NEW_PASSPHRASE, use --new-passphrase-file, or run in a terminal.</source>
        <translation>没有提供新主密码：请设置 JOURNAL_NEW_PASSPHRASE、使用 --new-passphrase-file，或在终端中运行。</translation>
    </message>
    <message>
        <source>No recovery key given: set JOURNAL_RECOVERY_KEY, use --recovery-key-file, or run in a terminal.</source>
        <translation>没有提供恢复密钥：请设置 JOURNAL_RECOVERY_KEY、使用 --recovery-key-file，或在终端中运行。</translation>
    </message>
    <message>
        <source>{file} is not an e-mail: it has no From or Date header; nothing was imported.</source>
        <translation>{file} 不是电子邮件：它没有 From 或 Date 邮件头；未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is not an .mbox mailbox: it does not begin with a &quot;From &quot; line; nothing was imported.</source>
        <translation>{file} 不是 .mbox 邮箱文件：它不以“From ”行开头；未导入任何内容。</translation>
    </message>
    <message>
        <source>The e-mail {file} has no Date header, so when it was sent is unknown; nothing was imported.</source>
        <translation>电子邮件 {file} 没有 Date 邮件头，无法知道它的发送时间；未导入任何内容。</translation>
    </message>
    <message>
        <source>The Date header of the e-mail {file}, &apos;{value}&apos;, is not a date; nothing was imported.</source>
        <translation>电子邮件 {file} 的 Date 邮件头“{value}”不是日期；未导入任何内容。</translation>
    </message>
    <message>
        <source>The Date header of the e-mail {file}, &apos;{value}&apos;, has no time zone; give the sender&apos;s with --timezone (e.g. --timezone Asia/Shanghai). Nothing was imported.</source>
        <translation>电子邮件 {file} 的 Date 邮件头“{value}”没有时区；请用 --timezone 给出发件人的时区（例如 --timezone Asia/Shanghai）。未导入任何内容。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time zone; give one such as Asia/Shanghai or Europe/London with --timezone. Nothing was imported.</source>
        <translation>“{value}”不是时区；请用 --timezone 给出一个时区，例如 Asia/Shanghai 或 Europe/London。未导入任何内容。</translation>
    </message>
    <message>
        <source>The text of the e-mail {file} is neither {charset}, as it says, nor UTF-8, so it cannot be read; nothing was imported.</source>
        <translation>电子邮件 {file} 的正文既不是它声明的 {charset}，也不是 UTF-8，无法读取；未导入任何内容。</translation>
    </message>
    <message>
        <source>The attachment {name} is {size:,} bytes, more than the 100 MiB an e-mail attachment may be; nothing was imported.</source>
        <translation>附件 {name} 有 {size:,} 字节，超过了电子邮件附件 100 MiB 的上限；未导入任何内容。</translation>
    </message>
    <message>
        <source>The mailbox {file} is {size:,} bytes, more than the 2 GiB that can be imported at once; export fewer messages (one label) and import that. Nothing was imported.</source>
        <translation>邮箱文件 {file} 有 {size:,} 字节，超过了一次可导入的 2 GiB；请导出较少的邮件（一个标签）再导入。未导入任何内容。</translation>
    </message>
    <message>
        <source>The e-mail {file} is cut short (its last part is missing or incomplete); download it again. Nothing was imported.</source>
        <translation>电子邮件 {file} 不完整（最后一部分缺失或残缺）；请重新下载。未导入任何内容。</translation>
    </message>
    <message>
        <source>No thread of the mailbox {file} holds the message {thread}; nothing was imported.</source>
        <translation>邮箱文件 {file} 中没有包含邮件 {thread} 的会话；未导入任何内容。</translation>
    </message>
    <message>
        <source>No message of the mailbox {file} matches the sender or subject asked for; nothing was imported.</source>
        <translation>邮箱文件 {file} 中没有符合所给发件人或主题的邮件；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is larger than {limit}, too large to be the result.json of a Telegram export; nothing was imported.</source>
        <translation>{name} 大于 {limit}，不可能是 Telegram 导出的 result.json；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, so it is not the result.json of a Telegram export; nothing was imported.</source>
        <translation>{name} 不是 UTF-8 文本，所以不是 Telegram 导出的 result.json；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is not a Telegram export: export the chat from Telegram Desktop in the JSON format and choose its result.json; nothing was imported.</source>
        <translation>{name} 不是 Telegram 导出文件：请在 Telegram Desktop 中以 JSON 格式导出聊天，并选择其中的 result.json；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is cut short: the Telegram export ends before its JSON is complete. Copy or export it again; nothing was imported.</source>
        <translation>{name} 不完整：这个 Telegram 导出文件在 JSON 结束之前就断了。请重新复制或重新导出；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} nests lists or objects too deeply, or holds too long a number, to be a Telegram export; nothing was imported.</source>
        <translation>{name} 的列表或对象嵌套过深，或含有过长的数字，不可能是 Telegram 导出文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} holds {count} chats; choose the one to import with --chat and its name or id. Nothing was imported.</source>
        <translation>{name} 包含 {count} 个聊天；请用 --chat 加聊天名称或 id 选择要导入的那个。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} has no chat named &quot;{chat}&quot; or with that id; nothing was imported.</source>
        <translation>{name} 中没有名为“{chat}”或 id 为它的聊天；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} holds {count} chats named &quot;{chat}&quot;; choose one by its id with --chat. Nothing was imported.</source>
        <translation>{name} 中有 {count} 个名为“{chat}”的聊天；请用 --chat 加 id 选择其中一个。未导入任何内容。</translation>
    </message>
    <message>
        <source>The chat &quot;{chat}&quot; in {name} has no messages; nothing was imported.</source>
        <translation>{name} 中的聊天“{chat}”没有消息；未导入任何内容。</translation>
    </message>
    <message>
        <source>Message {n} of {name} is not a message with a readable time, so the file is not a sound Telegram export; nothing was imported.</source>
        <translation>{name} 的第 {n} 条消息不是带有可读时间的消息，所以这个文件不是完好的 Telegram 导出文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is an older Telegram export whose times have no time zone; give the zone of the computer that made it with --timezone (such as Asia/Shanghai). Nothing was imported.</source>
        <translation>{name} 是较早的 Telegram 导出文件，其中的时间没有时区；请用 --timezone 给出导出它的电脑所在的时区（例如 Asia/Shanghai）。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MiB, too large for a chat transcript; nothing was imported.</source>
        <translation>{name} 大于 {limit} MiB，作为聊天记录太大；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is not text (UTF-8, UTF-16 or GB18030), so it is not a chat transcript; nothing was imported.</source>
        <translation>{name} 不是文本（UTF-8、UTF-16 或 GB18030），因此不是聊天记录；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} has no line such as &quot;Name: message&quot;, so it is not a chat transcript; nothing was imported.</source>
        <translation>{name} 中没有“姓名: 消息”这样的行，因此不是聊天记录；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} gives no time for its messages, so they cannot be dated; nothing was imported.</source>
        <translation>{name} 没有给出消息的时间，无法确定消息的日期；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} gives times but no date for its messages, so they cannot be dated; nothing was imported.</source>
        <translation>{name} 给出了时间但没有给出日期，无法确定消息的日期；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} does not say which time zone its times are in; give it with {option} (such as {option} Asia/Shanghai). Nothing was imported.</source>
        <translation>{name} 没有说明其时间所在的时区；请用 {option} 指定（例如 {option} Asia/Shanghai）。未导入任何内容。</translation>
    </message>
    <message>
        <source>The dates in {name} could be day/month or month/day; say which with {option} dmy, mdy or ymd. Nothing was imported.</source>
        <translation>{name} 中的日期可能是“日/月”也可能是“月/日”；请用 {option} dmy、mdy 或 ymd 说明。未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} has the date {date}, which is no day of the calendar; nothing was imported.</source>
        <translation>{name} 中的日期 {date} 不是日历上存在的日子；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MiB, more than a WhatsApp chat export is read; nothing was imported.</source>
        <translation>{name} 大于 {limit} MiB，超过了 WhatsApp 聊天导出文件可读取的大小；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is a damaged or incomplete zip file; nothing was imported.</source>
        <translation>{name} 是损坏或不完整的 zip 文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>The zip {name} holds no WhatsApp chat (a _chat.txt or &quot;WhatsApp Chat with …&quot; text file); nothing was imported.</source>
        <translation>zip 文件 {name} 中没有 WhatsApp 聊天（_chat.txt 或“WhatsApp Chat with …”文本文件）；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, as a WhatsApp chat export is; nothing was imported.</source>
        <translation>{name} 不是 UTF-8 文本，而 WhatsApp 聊天导出文件是；未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} is not a WhatsApp chat export: it does not begin with a dated message; nothing was imported.</source>
        <translation>{name} 不是 WhatsApp 聊天导出文件：它不是以带日期的消息开头；未导入任何内容。</translation>
    </message>
    <message>
        <source>Every date in {name} (such as {example}) could be day first or month first; say which with `--date-order dmy|mdy`; nothing was imported.</source>
        <translation>{name} 中的每个日期（如 {example}）都可能是日在前或月在前；请用 `--date-order dmy|mdy` 指明；未导入任何内容。</translation>
    </message>
    <message>
        <source>The dates of {name} are not in the order `--date-order {order}` says: line {line} has {value}; nothing was imported.</source>
        <translation>{name} 的日期不是 `--date-order {order}` 所说的顺序：第 {line} 行是 {value}；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line {line} of {name} has the date and time {value}, which do not exist; nothing was imported.</source>
        <translation>{name} 第 {line} 行的日期和时间 {value} 不存在；未导入任何内容。</translation>
    </message>
    <message>
        <source>The times in {name} carry no time zone; give the zone the phone was set to with `--timezone`, such as Europe/London; nothing was imported.</source>
        <translation>{name} 中的时间不带时区；请用 `--timezone` 给出手机所设的时区，如 Europe/London；未导入任何内容。</translation>
    </message>
    <message>
        <source>{timezone} is not a known time zone; give a name such as Europe/London or Asia/Shanghai; nothing was imported.</source>
        <translation>{timezone} 不是已知的时区；请给出 Europe/London 或 Asia/Shanghai 这样的名称；未导入任何内容。</translation>
    </message>
    <message>
        <source>Name at least one file to import; nothing was imported.</source>
        <translation>请至少指定一个要导入的文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>There is no file {file}; nothing was imported.</source>
        <translation>没有文件 {file}；未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is a folder with no Telegram export (result.json) in it; name the file to import; nothing was imported.</source>
        <translation>{file} 是一个文件夹，其中没有 Telegram 导出（result.json）；请指定要导入的文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason}); nothing was imported.</source>
        <translation>无法读取 {file}（{reason}）；未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} GiB, more than an evidence file is read; nothing was imported.</source>
        <translation>{file} 大于 {limit} GiB，超过了证据文件可读取的大小；未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is none of the files the journal imports (an e-mail, an mbox, a Telegram or WhatsApp chat export, a chat transcript); nothing was imported.</source>
        <translation>{file} 不是本日志可导入的文件（电子邮件、mbox 邮箱、Telegram 或 WhatsApp 聊天导出、聊天记录）；未导入任何内容。</translation>
    </message>
    <message>
        <source>{value} is not a date order; use `--date-order dmy`, `mdy` or `ymd`; nothing was imported.</source>
        <translation>{value} 不是日期顺序；请使用 `--date-order dmy`、`mdy` 或 `ymd`；未导入任何内容。</translation>
    </message>
    <message>
        <source>This file is not a picture that can be read (its bytes are not PNG, JPEG, WebP, GIF, BMP or TIFF).</source>
        <translation>此文件不是可读取的图片（其内容不是 PNG、JPEG、WebP、GIF、BMP 或 TIFF）。</translation>
    </message>
    <message>
        <source>This picture is damaged or cut short, so its text cannot be read.</source>
        <translation>此图片已损坏或不完整，无法读取其中的文字。</translation>
    </message>
    <message>
        <source>This picture is {width:,} × {height:,} pixels, more than the {limit} million pixels whose text can be read.</source>
        <translation>此图片为 {width:,} × {height:,} 像素，超过了可读取文字的 {limit} 百万像素上限。</translation>
    </message>
    <message>
        <source>This picture is {size:,} bytes, more than the {limit} MiB whose text can be read.</source>
        <translation>此图片为 {size:,} 字节，超过了可读取文字的 {limit} MiB 上限。</translation>
    </message>
    <message>
        <source>The text of this picture could not be read: the reader stopped twice while reading it.</source>
        <translation>无法读取此图片中的文字：读取程序在读取时两次中止。</translation>
    </message>
    <message>
        <source>The text of this picture could not be read: reading it took longer than {seconds} seconds, twice.</source>
        <translation>无法读取此图片中的文字：两次读取都超过了 {seconds} 秒。</translation>
    </message>
    <message>
        <source>The text of pictures cannot be read: this copy of Support Journal was installed without its text reader (the support-journal-ocr package).</source>
        <translation>无法读取图片中的文字：此份客服记录本安装时未包含文字识别组件（support-journal-ocr 软件包）。</translation>
    </message>
    <message>
        <source>The text of this PDF cannot be read: it is damaged, or locked with a password.</source>
        <translation>无法读取此 PDF 中的文字：文件已损坏，或受密码保护。</translation>
    </message>
    <message>
        <source>The picture {name} holds a secret that must be covered in the export, but it cannot be opened to cover it; nothing was exported.</source>
        <translation>图片 {name} 中有必须在导出时遮盖的机密信息，但无法打开该图片进行遮盖；未导出任何内容。</translation>
    </message>
    <message>
        <source>{text!r} is not a network this journal knows; use one of: {words}.</source>
        <translation>本日志不认识网络 {text!r}；请使用以下之一：{words}。</translation>
    </message>
    <message>
        <source>The {network} address is empty.</source>
        <translation>{network} 地址为空。</translation>
    </message>
    <message>
        <source>{value!r} is not a {network} address; check that it is copied whole and that the network is right.</source>
        <translation>{value!r} 不是 {network} 地址；请检查是否完整复制，以及网络是否选对。</translation>
    </message>
    <message>
        <source>{value!r} fails the {network} address checksum: a character is mistyped; copy it again from the wallet or the explorer.</source>
        <translation>{value!r} 未通过 {network} 地址校验：有字符输错；请从钱包或区块浏览器重新复制。</translation>
    </message>
    <message>
        <source>The {network} transaction id is empty.</source>
        <translation>{network} 交易 ID 为空。</translation>
    </message>
    <message>
        <source>{value!r} is not a {network} transaction id; copy it whole from the explorer or the withdrawal&apos;s details.</source>
        <translation>{value!r} 不是 {network} 交易 ID；请从区块浏览器或提现详情中完整复制。</translation>
    </message>
    <message>
        <source>The {what} {value!r} is not a number; write it like 1250.50.</source>
        <translation>{what} {value!r} 不是数字；请写成 1250.50 这样的形式。</translation>
    </message>
    <message>
        <source>The {what} {value} must be more than zero.</source>
        <translation>{what} {value} 必须大于零。</translation>
    </message>
    <message>
        <source>The amount {value} has more than 40 digits.</source>
        <translation>金额 {value} 超过 40 位数字。</translation>
    </message>
    <message>
        <source>{value!r} is not an asset&apos;s ticker; write it like BTC, USDT or ETH.</source>
        <translation>{value!r} 不是资产代码；请写成 BTC、USDT 或 ETH 这样的形式。</translation>
    </message>
    <message>
        <source>{value!r} is not a currency code; write it like GBP, EUR, USD or CNY.</source>
        <translation>{value!r} 不是货币代码；请写成 GBP、EUR、USD 或 CNY 这样的形式。</translation>
    </message>
    <message>
        <source>Give the fiat value together with its currency, e.g. 1200 GBP.</source>
        <translation>请同时给出法币价值及其货币，例如 1200 GBP。</translation>
    </message>
    <message>
        <source>Give the amount together with its asset, e.g. 0.5 BTC.</source>
        <translation>请同时给出金额及其资产，例如 0.5 BTC。</translation>
    </message>
    <message>
        <source>Say whom the case was escalated to, one of: {words}.</source>
        <translation>请说明案件升级到哪个机构，可选：{words}。</translation>
    </message>
    <message>
        <source>There is no amount {money}.</source>
        <translation>没有金额 {money}。</translation>
    </message>
    <message>
        <source>There is no transaction {transaction}.</source>
        <translation>没有交易 {transaction}。</translation>
    </message>
    <message>
        <source>Case {case} already has the transaction {hash} (#{transaction}).</source>
        <translation>案件 {case} 已有交易 {hash}（#{transaction}）。</translation>
    </message>
    <message>
        <source>There is no wallet address {wallet}.</source>
        <translation>没有钱包地址 {wallet}。</translation>
    </message>
    <message>
        <source>Case {case} already has the address {address} (#{wallet}).</source>
        <translation>案件 {case} 已有地址 {address}（#{wallet}）。</translation>
    </message>
    <message>
        <source>There is no complaint stage {stage}.</source>
        <translation>没有投诉阶段 {stage}。</translation>
    </message>
    <message>
        <source>Record the formal complaint of case {case} before its {stage}.</source>
        <translation>请先记录案件 {case} 的正式投诉，再记录其{stage}。</translation>
    </message>
    <message>
        <source>The {entity} {id} was already voided.</source>
        <translation>{entity} {id} 已经作废。</translation>
    </message>
    <message>
        <source>{text!r} is not a jurisdiction; use one of: {words}.</source>
        <translation>{text!r} 不是适用地区；请使用以下之一：{words}。</translation>
    </message>
    <message>
        <source>{text!r} is not a letter; use one of: {words}.</source>
        <translation>{text!r} 不是信函类型；请使用以下之一：{words}。</translation>
    </message>
    <message>
        <source>Letters are written in English (en) or Chinese (zh_CN), not {language!r}.</source>
        <translation>信函只能用英文（en）或中文（zh_CN）撰写，不能用 {language!r}。</translation>
    </message>
    <message>
        <source>The letter template {name} cannot be used: {reason}.</source>
        <translation>无法使用信函模板 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{text!r} is not a size; write it like 10MB (from 1 MB to 1000 MB).</source>
        <translation>{text!r} 不是文件大小；请写成 10MB 这样的形式（1 MB 至 1000 MB）。</translation>
    </message>
    <message>
        <source>The case file cannot be made smaller than {mb} MB: its text and small pictures alone are {actual} MB. Choose a larger limit or send the bundle.</source>
        <translation>案件文件无法缩小到 {mb} MB 以下：仅其文字和小图片就有 {actual} MB。请选择更大的限制，或发送证据包。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export case file</source>
        <translation>导出案件档案</translation>
    </message>
    <message>
        <source>PDF &amp;and bundle — for a regulator, ombudsman or the police</source>
        <translation>PDF 和证据包 — 交给监管机构、调解机构或警方(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;PDF only — to read: summary, chronology, exhibits</source>
        <translation>仅 PDF — 供阅读：摘要、时间线、证据(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Bundle only — the PDF, the original files and a SHA-256 manifest anyone can check</source>
        <translation>仅证据包 — PDF、原始文件及任何人都可核验的 SHA-256 清单(&amp;B)</translation>
    </message>
    <message>
        <source>Full quality, no size limit</source>
        <translation>原始质量，不限大小</translation>
    </message>
    <message>
        <source>Fit an upload limit of {0} MB</source>
        <translation>符合 {0} MB 的上传限制</translation>
    </message>
    <message>
        <source>The PDF&apos;s pictures are resampled until it fits, and its cover says so; the text is the same and the bundle keeps the original files.</source>
        <translation>PDF 中的图片会重新采样直至符合限制，封面上会注明；文字不变，证据包保留原始文件。</translation>
    </message>
    <message>
        <source>Optional: shown on the cover</source>
        <translation>可选：显示在封面上</translation>
    </message>
    <message>
        <source>Optional: an email or phone for the reader</source>
        <translation>可选：供读者联系你的邮箱或电话</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>PDF si&amp;ze:</source>
        <translation>PDF 大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>你的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Your c&amp;ontact:</source>
        <translation>联系方式(&amp;O)：</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>保存到(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;File name:</source>
        <translation>文件名(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>在文件夹中显示(&amp;S)</translation>
    </message>
    <message>
        <source>Saves {0} and {1}.</source>
        <translation>将保存 {0} 和 {1}。</translation>
    </message>
    <message>
        <source>Saves {0}.</source>
        <translation>将保存 {0}。</translation>
    </message>
    <message>
        <source>Replaces what is there already: {0}.</source>
        <translation>将替换已有的文件：{0}。</translation>
    </message>
    <message>
        <source>Save the case file in</source>
        <translation>选择案件档案的保存位置</translation>
    </message>
    <message>
        <source>Type a name for the file.</source>
        <translation>请输入文件名。</translation>
    </message>
    <message>
        <source>Type only the file&apos;s name: its folder is chosen above.</source>
        <translation>只需输入文件名，文件夹在上面选择。</translation>
    </message>
    <message>
        <source>Choose a folder to save the case file in.</source>
        <translation>请选择保存案件档案的文件夹。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Reading the case…</source>
        <translation>正在读取案件…</translation>
    </message>
    <message>
        <source>Writing the case file…</source>
        <translation>正在写入案件档案…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>&amp;Open the PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open the bundle</source>
        <translation>打开证据包(&amp;O)</translation>
    </message>
    <message>
        <source>The export was stopped; nothing was written.</source>
        <translation>导出已停止，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Seed phrases, private keys, one-time and backup codes, 2FA setup keys and passwords found in the notes are replaced by “[redacted]” in the export; your journal keeps what you wrote. The export is signed with this journal&apos;s own key.</source>
        <translation>备注中的助记词、私钥、一次性验证码和备用码、双重验证密钥以及密码会在导出文件中替换为“[已隐去]”；记录本仍保留你写下的原文。导出文件由本记录本自己的密钥签名。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ExportPlaces</name>
    <message>
        <source>The folder of the last export, {0}, is gone: saving in {1} instead.</source>
        <translation>上次导出的文件夹 {0} 已不存在，改为保存到 {1}。</translation>
    </message>
    <message>
        <source>There is no Documents folder ({0}): saving in your home folder, {1}.</source>
        <translation>没有“文档”文件夹（{0}），将保存到你的主文件夹 {1}。</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder: choose a folder.</source>
        <translation>{0} 是文件，不是文件夹，请选择一个文件夹。</translation>
    </message>
    <message>
        <source>You cannot save in {0}: choose another folder.</source>
        <translation>无法保存到 {0}，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The folder {0} cannot be created: choose another folder.</source>
        <translation>无法创建文件夹 {0}，请选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>ExportResult</name>
    <message>
        <source>Files written</source>
        <translation>已写入的文件</translation>
    </message>
    <message>
        <source>Signed by this journal&apos;s key:</source>
        <translation>由本记录本的密钥签名：</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Send the PDF to read; keep the bundle, or send it too, for anyone who wants to check the files.</source>
        <translation>PDF 供对方阅读；证据包请自己保留，也可一并发送，供需要核验文件的人使用。</translation>
    </message>
    <message>
        <source>To fit the size limit, the PDF&apos;s pictures were resampled to at most {0} dpi ({1} MB); its cover says so, and the journal and the bundle keep the originals.</source>
        <translation>为符合大小限制，PDF 中的图片已重新采样至最高 {0} dpi（{1} MB）；封面上已注明，日志和证据包保留原件。</translation>
    </message>
    <message>
        <source>Covered in black in the exported copies, where they show a secret: {0}. The journal keeps the originals.</source>
        <translation>导出的副本中显示机密信息之处已涂黑：{0}。原件保留在日志中。</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) of this case had not been read yet, so a secret they show is not covered: let the reading in the status bar finish, then export again.</source>
        <translation>
            <numerusform>本案有 %n 张图片尚未读取，其中若有机密信息未被遮盖：请等状态栏中的读取完成后再导出。</numerusform>
        </translation>
    </message>
    <message>
        <source>The case file is written:</source>
        <translation>案件档案已写入：</translation>
    </message>
    <message>
        <source>The case file is written in the new folder {0}:</source>
        <translation>案件档案已写入新建的文件夹 {0}：</translation>
    </message>
    <message>
        <source>No program on this computer opened {0}.</source>
        <translation>这台电脑上没有程序能打开 {0}。</translation>
    </message>
</context>
<context>
    <name>FailedAttemptDialog</name>
    <message>
        <source>Log a failed attempt</source>
        <translation>记录未接通</translation>
    </message>
    <message>
        <source>Other number…</source>
        <translation>其他号码…</translation>
    </message>
    <message>
        <source>Optional, e.g. &quot;music for 40 minutes, then cut&quot;</source>
        <translation>选填，例如“放了 40 分钟音乐后断线”</translation>
    </message>
    <message>
        <source>not noted</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;No answer</source>
        <translation>无人接听(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Busy</source>
        <translation>占线(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Dropped</source>
        <translation>通话中断(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Queue timed out</source>
        <translation>排队超时(&amp;Q)</translation>
    </message>
    <message>
        <source>W&amp;rong number</source>
        <translation>号码错误(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>联系渠道(&amp;C)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Waited</source>
        <translation>等待时长(&amp;W)</translation>
    </message>
    <message>
        <source>Did not get through? One click logs the attempt: it ends now and began as long ago as you waited.</source>
        <translation>没有打通？点一下即可记录这次尝试：结束时间为现在，开始时间按你等待的时长往前推算。</translation>
    </message>
    <message>
        <source>logged at {0}</source>
        <translation>记录时间 {0}</translation>
    </message>
    <message>
        <source>started {0}, ended {1}</source>
        <translation>开始于 {0}，结束于 {1}</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Mailbox (mbox)</source>
        <translation>邮箱（mbox）</translation>
    </message>
    <message>
        <source>Telegram export</source>
        <translation>Telegram 导出</translation>
    </message>
    <message>
        <source>WhatsApp export</source>
        <translation>WhatsApp 导出</translation>
    </message>
    <message>
        <source>Chat transcript</source>
        <translation>聊天记录文本</translation>
    </message>
    <message numerus="yes">
        <source>{0} and %n more</source>
        <translation>
            <numerusform>{0} 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mail entry “{0}”, {1}</source>
        <translation>电子邮件记录“{0}”，{1}</translation>
    </message>
    <message>
        <source>no subject</source>
        <translation>无主题</translation>
    </message>
    <message numerus="yes">
        <source>Chat entry “{0}”: %n message(s)</source>
        <translation>
            <numerusform>聊天记录“{0}”：%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>already in the case: skipped</source>
        <translation>案件中已有：跳过</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n message(s)</source>
        <translation>
            <numerusform>{0}：%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>From: {0}</source>
        <translation>发件人：{0}</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <source>When: {0}</source>
        <translation>时间：{0}</translation>
    </message>
    <message>
        <source>Already in the case: skipped</source>
        <translation>案件中已有：跳过</translation>
    </message>
    <message numerus="yes">
        <source>New entries: %n</source>
        <translation>
            <numerusform>新记录：%n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另外 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Attachments: {0}</source>
        <translation>附件：{0}</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>没有附件</translation>
    </message>
    <message>
        <source>References found: {0}</source>
        <translation>找到的编号：{0}</translation>
    </message>
    <message>
        <source>The original file is kept with the first entry as an exhibit.</source>
        <translation>原始文件作为证据保存在第一条记录中。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more with warnings</source>
        <translation>
            <numerusform>……另有 %n 条带警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like a scam: the other side {0}. Send nothing.</source>
        <translation>看起来像诈骗：对方{0}。不要发送任何东西。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>It holds what looks like a seed phrase or private key. Never give it to anyone; exports replace it with [redacted].</source>
        <translation>其中似乎有助记词或私钥。绝不要交给任何人；导出时会替换为 [redacted]。</translation>
    </message>
    <message numerus="yes">
        <source>%n signed and unchanged</source>
        <translation>
            <numerusform>%n 封已签名且未改动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not holding</source>
        <translation>
            <numerusform>%n 封签名不成立</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a published key</source>
        <translation>
            <numerusform>%n 封没有公布公钥</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsigned</source>
        <translation>
            <numerusform>%n 封未签名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not checked</source>
        <translation>
            <numerusform>%n 封未核验</numerusform>
        </translation>
    </message>
    <message>
        <source>Signatures (DKIM): {0}</source>
        <translation>签名（DKIM）：{0}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%n min</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>overdue today</source>
        <translation>今天已逾期</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>under 1 min</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of this entry</source>
        <translation>此记录的修订记录</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Agent: {0}</source>
        <translation>客服人员：{0}</translation>
    </message>
    <message>
        <source>Outcome: {0}</source>
        <translation>结果：{0}</translation>
    </message>
    <message>
        <source>Kind: {0}</source>
        <translation>类型：{0}</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>联系方式：{0}</translation>
    </message>
    <message>
        <source>Started: {0}</source>
        <translation>开始时间：{0}</translation>
    </message>
    <message>
        <source>Ended: {0}</source>
        <translation>结束时间：{0}</translation>
    </message>
    <message>
        <source>Waited: {0}</source>
        <translation>等待时长：{0}</translation>
    </message>
    <message>
        <source>Language: {0}</source>
        <translation>语言：{0}</translation>
    </message>
    <message>
        <source>Voided · recorded {0}</source>
        <translation>已作废 · 记录于 {0}</translation>
    </message>
    <message>
        <source>Revision {0} · recorded {1}</source>
        <translation>第 {0} 版 · 记录于 {1}</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Image: {0}</source>
        <translation>图片：{0}</translation>
    </message>
    <message>
        <source>This file is not an image this program can show.</source>
        <translation>无法显示此文件：它不是本程序支持的图片格式。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import evidence</source>
        <translation>导入证据</translation>
    </message>
    <message>
        <source>Add the support e-mails (.eml, .mbox), chat exports (WhatsApp .txt or .zip, Telegram result.json) or saved chat transcripts, or drop them here. Each e-mail becomes an entry, each chat one entry, with the original file kept as an exhibit. Nothing is written until you import.</source>
        <translation>添加客服电子邮件（.eml、.mbox）、聊天导出（WhatsApp .txt 或 .zip、Telegram result.json）或保存的聊天记录，或将它们拖放到这里。每封电子邮件成为一条记录，每段聊天成为一条记录，原始文件作为证据保存。点击导入之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>还没有文件。</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>The files need a word from you</source>
        <translation>这些文件需要您说明</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Day, month, year (31/12/2026)</source>
        <translation>日、月、年（31/12/2026）</translation>
    </message>
    <message>
        <source>Month, day, year (12/31/2026)</source>
        <translation>月、日、年（12/31/2026）</translation>
    </message>
    <message>
        <source>Year, month, day (2026/12/31)</source>
        <translation>年、月、日（2026/12/31）</translation>
    </message>
    <message>
        <source>Use these</source>
        <translation>使用这些设置</translation>
    </message>
    <message>
        <source>&amp;Date order:</source>
        <translation>日期顺序(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;hat:</source>
        <translation>聊天(&amp;H)：</translation>
    </message>
    <message>
        <source>Check the e-mails&apos; &amp;signatures online (DKIM)</source>
        <translation>在线核验邮件签名（DKIM）(&amp;S)</translation>
    </message>
    <message>
        <source>Asks DNS for the public key of each signer, to show whether the sender&apos;s domain signed the message and it is unchanged. Nothing else is sent. Keys change: the result of today is recorded with the entry.</source>
        <translation>向 DNS 查询每个签名方的公钥，以显示邮件是否由发件人的域名签名、是否未被改动。不会发送任何其他内容。公钥会更换，因此当天的核验结果会随条目一起记录。</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Import evidence into «{0}»</source>
        <translation>将证据导入“{0}”</translation>
    </message>
    <message>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <source>Evidence files (*.eml *.mbox *.json *.txt *.zip)</source>
        <translation>证据文件 (*.eml *.mbox *.json *.txt *.zip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>{0} (%n message(s))</source>
        <translation>
            <numerusform>{0}（%n 条消息）</numerusform>
        </translation>
    </message>
    <message>
        <source>Its times are written without a time zone: say which zone they are in, then press Use these.</source>
        <translation>其中的时间没有注明时区：请说明它们所在的时区，然后点击“使用这些设置”。</translation>
    </message>
    <message>
        <source>Its dates could be read two ways: say how they are written, then press Use these.</source>
        <translation>其中的日期有两种读法：请说明日期的写法，然后点击“使用这些设置”。</translation>
    </message>
    <message>
        <source>It holds several chats: choose the one to import, then press Use these.</source>
        <translation>其中有多个聊天：请选择要导入的一个，然后点击“使用这些设置”。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message numerus="yes">
        <source>Import %n entry(s)</source>
        <translation>
            <numerusform>导入 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entry(s) into «{0}»</source>
        <translation>
            <numerusform>已将 %n 条记录导入“{0}”</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was stopped: nothing was written.</source>
        <translation>导入已停止：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>InteractionCard</name>
    <message>
        <source>A failed attempt: nobody was reached.</source>
        <translation>未接通：没有联系上任何人。</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>已修订</translation>
    </message>
    <message>
        <source>Changed after it was recorded; the earlier version stays in the record.</source>
        <translation>记录后曾被修改；之前的版本仍会保留。</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>修订记录…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <source>Correct or complete this entry; the original stays in the record.</source>
        <translation>更正或补充这条记录；原内容仍会保留。</translation>
    </message>
    <message>
        <source>waited {0}</source>
        <translation>等待 {0}</translation>
    </message>
    <message>
        <source>Recorded {0}</source>
        <translation>记录于 {0}</translation>
    </message>
    <message>
        <source>Agent: {0}</source>
        <translation>客服人员：{0}</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>联系方式：{0}</translation>
    </message>
    <message>
        <source>Language: {0}</source>
        <translation>语言：{0}</translation>
    </message>
    <message numerus="yes">
        <source>Show the whole note (%n character(s))</source>
        <translation>
            <numerusform>显示完整备注（%n 字）</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Promised: {0} — due {1} · {2}</source>
        <translation>承诺：{0} — {1} 到期 · {2}</translation>
    </message>
    <message>
        <source>Voided: {0}</source>
        <translation>已作废：{0}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Show larger</source>
        <translation>查看大图</translation>
    </message>
</context>
<context>
    <name>JournalTasks</name>
    <message>
        <source>&amp;Check the journal…</source>
        <translation>检查记录本(&amp;C)…</translation>
    </message>
    <message>
        <source>Check every page of the database, the hash chain, every record and file against it, and the search index</source>
        <translation>检查数据库的每一页、哈希链、每条记录和每个文件是否与哈希链相符，以及搜索索引</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Write the whole journal, encrypted, to one file that opens with the same passphrase</source>
        <translation>把整个记录本加密写入一个文件，用同一个主密码即可打开</translation>
    </message>
    <message>
        <source>&amp;Import a dump…</source>
        <translation>导入转储文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a dump made by `journal dump` into this empty journal</source>
        <translation>把 `journal dump` 生成的转储文件导入这个空记录本</translation>
    </message>
    <message>
        <source>Only an empty journal can import a dump</source>
        <translation>只有空的记录本才能导入转储文件</translation>
    </message>
    <message>
        <source>Checking the attachments against their SHA-256</source>
        <translation>正在按 SHA-256 检查附件</translation>
    </message>
    <message>
        <source>Recomputing the hash chain</source>
        <translation>正在重新计算哈希链</translation>
    </message>
    <message>
        <source>Checking every record against the chain</source>
        <translation>正在逐条核对记录与哈希链</translation>
    </message>
    <message>
        <source>Checking every page of the database</source>
        <translation>正在检查数据库的每一页</translation>
    </message>
    <message>
        <source>Checking the search index against the records</source>
        <translation>正在核对搜索索引与记录</translation>
    </message>
    <message>
        <source>Check the journal</source>
        <translation>检查记录本</translation>
    </message>
    <message>
        <source>Stopped; the check did not finish.</source>
        <translation>已停止；检查没有完成。</translation>
    </message>
    <message>
        <source>The journal is intact: encryption, every page, the hash chain ({0} entries), every record and file against it, and the search index all check out.</source>
        <translation>记录本完好：加密、每一页、哈希链（{0} 条）、每条记录和每个文件与哈希链的核对，以及搜索索引，全部通过检查。</translation>
    </message>
    <message>
        <source>The check found a problem: {0}</source>
        <translation>检查发现一个问题：{0}</translation>
    </message>
    <message>
        <source>The check found {0} problems; the first: {1}</source>
        <translation>检查发现 {0} 个问题；第一个：{1}</translation>
    </message>
    <message>
        <source>Back up the journal</source>
        <translation>备份记录本</translation>
    </message>
    <message>
        <source>Support Journal backups (*.sjb);;All files (*)</source>
        <translation>客服记录本备份 (*.sjb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Copying the database</source>
        <translation>正在复制数据库</translation>
    </message>
    <message>
        <source>Saving the backup</source>
        <translation>正在保存备份</translation>
    </message>
    <message>
        <source>Stopped; no backup was written.</source>
        <translation>已停止；没有写入备份。</translation>
    </message>
    <message>
        <source>Backed up to {0} ({1}); it opens with the same passphrase.</source>
        <translation>已备份到 {0}（{1}）；用同一个主密码即可打开。</translation>
    </message>
    <message>
        <source>Import a dump</source>
        <translation>导入转储文件</translation>
    </message>
    <message>
        <source>Journal dumps (*.json);;All files (*)</source>
        <translation>记录本转储文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the dump</source>
        <translation>正在读取转储文件</translation>
    </message>
    <message>
        <source>Checking the records against the hash chain</source>
        <translation>正在核对记录与哈希链</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>正在建立搜索索引</translation>
    </message>
    <message>
        <source>Saving the journal</source>
        <translation>正在保存记录本</translation>
    </message>
    <message>
        <source>Stopped; nothing was imported.</source>
        <translation>已停止；没有导入任何内容。</translation>
    </message>
    <message>
        <source>platforms: {0}</source>
        <translation>平台：{0}</translation>
    </message>
    <message>
        <source>channels: {0}</source>
        <translation>联系渠道：{0}</translation>
    </message>
    <message>
        <source>cases: {0}</source>
        <translation>案件：{0}</translation>
    </message>
    <message>
        <source>interactions: {0}</source>
        <translation>联系记录：{0}</translation>
    </message>
    <message>
        <source>references: {0}</source>
        <translation>参考编号：{0}</translation>
    </message>
    <message>
        <source>promises: {0}</source>
        <translation>承诺：{0}</translation>
    </message>
    <message>
        <source>files: {0}</source>
        <translation>文件：{0}</translation>
    </message>
    <message>
        <source>hash-chain entries: {0}</source>
        <translation>哈希链条目：{0}</translation>
    </message>
    <message>
        <source>Imported the dump: {0}.</source>
        <translation>已导入转储文件：{0}。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Waiting on them</source>
        <translation>等待对方</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级投诉</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Account frozen</source>
        <translation>账户冻结</translation>
    </message>
    <message>
        <source>Verification (KYC)</source>
        <translation>身份认证 (KYC)</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Scam</source>
        <translation>诈骗</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Account hacked</source>
        <translation>账户被盗</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>应用内</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>通话中断</translation>
    </message>
    <message>
        <source>Queue timed out</source>
        <translation>排队超时</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>Official website</source>
        <translation>官方网站</translation>
    </message>
    <message>
        <source>Inside the app</source>
        <translation>应用内</translation>
    </message>
    <message>
        <source>Official social account</source>
        <translation>官方社交账号</translation>
    </message>
    <message>
        <source>Community report</source>
        <translation>社区反馈</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>Reported fake</source>
        <translation>已被举报为假冒</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Chat ID</source>
        <translation>会话编号</translation>
    </message>
    <message>
        <source>Transaction hash</source>
        <translation>交易哈希</translation>
    </message>
    <message>
        <source>Withdrawal ID</source>
        <translation>提现编号</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待兑现</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>未兑现</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>In 24 hours</source>
        <translation>24 小时后</translation>
    </message>
    <message>
        <source>Next business day</source>
        <translation>下一个工作日</translation>
    </message>
    <message>
        <source>In 3 business days</source>
        <translation>3 个工作日后</translation>
    </message>
    <message>
        <source>In 5 business days</source>
        <translation>5 个工作日后</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>一周后</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>30 天后</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language of the conversation</source>
        <translation>通话所用语言</translation>
    </message>
    <message>
        <source>The language the conversation was held in; type any code, such as pt-BR, if it is not listed.</source>
        <translation>这次沟通所用的语言；如果列表中没有，可以输入任意语言代码，例如 pt-BR。</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Write a letter</source>
        <translation>撰写信函</translation>
    </message>
    <message>
        <source>Formal complaint (asks for the final response)</source>
        <translation>正式投诉信（要求最终答复）</translation>
    </message>
    <message>
        <source>Chaser: the response is overdue</source>
        <translation>催复函：答复已逾期</translation>
    </message>
    <message>
        <source>Subject access request (call recordings, chat logs, notes)</source>
        <translation>个人数据查阅请求（通话录音、聊天记录、备注）</translation>
    </message>
    <message>
        <source>Chargeback request to your card issuer</source>
        <translation>向发卡行申请拒付</translation>
    </message>
    <message>
        <source>Fraud report fact sheet (police, IC3, Action Fraud, 18222, 96110)</source>
        <translation>诈骗报案事实清单（警方、IC3、Action Fraud、18222、96110）</translation>
    </message>
    <message>
        <source>MiCA complaint form (EU crypto-asset providers)</source>
        <translation>MiCA 投诉表（欧盟加密资产服务提供商）</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>信函(&amp;L)：</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>语言(&amp;A)：</translation>
    </message>
    <message>
        <source>Filled in from the case: check it, and replace the [bracketed] parts with your own details before you send it. Secrets in your notes are never copied into a letter.</source>
        <translation>已根据案件填写：发送前请核对，并将方括号中的内容替换为您自己的信息。备注中的机密信息绝不会被复制到信函中。</translation>
    </message>
    <message>
        <source>Filling in the letter…</source>
        <translation>正在填写信函…</translation>
    </message>
    <message>
        <source>The letter&apos;s text</source>
        <translation>信函正文</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>复制文字(&amp;C)</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>标记为已发送(&amp;M)</translation>
    </message>
    <message>
        <source>Log this text as a letter entry of the case, dated now</source>
        <translation>将此文本作为案件的一条信函记录，日期为现在</translation>
    </message>
    <message>
        <source>Replace the letter?</source>
        <translation>替换信函？</translation>
    </message>
    <message>
        <source>You edited this letter. Fill in the other one and lose your edits?</source>
        <translation>您已编辑此信函。要填写另一封并放弃您的修改吗？</translation>
    </message>
    <message>
        <source>Copied: paste it into the platform&apos;s form or your e-mail.</source>
        <translation>已复制：请粘贴到平台的表单或您的电子邮件中。</translation>
    </message>
    <message>
        <source>Save the letter as PDF</source>
        <translation>将信函另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {0}, signed by the journal key {1}.</source>
        <translation>已保存 {0}，由日志密钥 {1} 签名。</translation>
    </message>
    <message>
        <source>Log the letter as sent?</source>
        <translation>将信函记录为已发送？</translation>
    </message>
    <message>
        <source>This text goes into the case as a letter sent now. It cannot be changed later, only amended with a reason.</source>
        <translation>此文本将作为现在发送的信函记入案件。之后不能更改，只能注明理由进行修订。</translation>
    </message>
    <message>
        <source>Logged as letter entry {0} of the case.</source>
        <translation>已记录为案件的信函记录 {0}。</translation>
    </message>
</context>
<context>
    <name>LicencesTab</name>
    <message>
        <source>Support Journal uses Qt and Qt for Python (PySide6) under the GNU Lesser General Public License version 3 (LGPL-3.0). Their source code is at {0} and {1}.</source>
        <translation>客服记录本依据 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用 Qt 和 Qt for Python（PySide6）。它们的源代码位于 {0} 和 {1}。</translation>
    </message>
    <message>
        <source>Licences of the software Support Journal uses</source>
        <translation>客服记录本所用软件的许可证</translation>
    </message>
    <message>
        <source>Reading the licences…</source>
        <translation>正在读取许可证…</translation>
    </message>
</context>
<context>
    <name>LiveChecklist</name>
    <message>
        <source>Checklist items answered in this contact</source>
        <translation>本次联系中已答复的清单事项</translation>
    </message>
    <message>
        <source>Checklist: nothing left to ask or have ready.</source>
        <translation>清单：没有剩下要问或要准备的事项。</translation>
    </message>
    <message>
        <source>Checklist: tick what gets answered</source>
        <translation>清单：勾选得到答复的事项</translation>
    </message>
    <message numerus="yes">
        <source>Checklist: %n answered in this contact</source>
        <translation>
            <numerusform>清单：本次联系已答复 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Log a conversation</source>
        <translation>记录一次沟通</translation>
    </message>
    <message>
        <source>Other contact…</source>
        <translation>其他联系方式…</translation>
    </message>
    <message>
        <source>Name or ID the agent gave</source>
        <translation>客服人员告知的姓名或工号</translation>
    </message>
    <message>
        <source>Paste the transcript or email text</source>
        <translation>粘贴聊天记录或邮件正文</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>对话内容</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加附件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>联系渠道(&amp;C)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>客服人员(&amp;A)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>内容(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参考编号(&amp;R)</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save this conversation ({0})</source>
        <translation>保存此次沟通（{0}）</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>沟通详情</translation>
    </message>
    <message>
        <source>Case: {0}</source>
        <translation>案件：{0}</translation>
    </message>
    <message>
        <source>Log a conversation: {0} ({1})</source>
        <translation>记录一次沟通：{0}（{1}）</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>{0} cannot be read; it was not added.</source>
        <translation>无法读取 {0}，未添加。</translation>
    </message>
    <message>
        <source>{0} is not a file; attach files one by one.</source>
        <translation>{0} 不是文件，请逐个添加文件。</translation>
    </message>
    <message>
        <source>{0} is larger than {1} MB; it was not added.</source>
        <translation>{0} 超过 {1} MB，未添加。</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>查看 {0}</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>{0} saved.</source>
        <translation>{0}已保存。</translation>
    </message>
    <message>
        <source>{0} saved to “{1}”</source>
        <translation>{0}已保存到“{1}”</translation>
    </message>
    <message>
        <source>Discard this conversation? The text you typed will not be saved.</source>
        <translation>要放弃此次沟通吗？你输入的内容将不会保存。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Support Journal</source>
        <translation>客服记录本</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <source>Open a new case</source>
        <translation>新建一个案件</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>开始通话</translation>
    </message>
    <message>
        <source>Start a call on the chosen case, with a timer and notes</source>
        <translation>为所选案件开始一次通话，可计时、记备注</translation>
    </message>
    <message>
        <source>Failed attempt…</source>
        <translation>记录未接通…</translation>
    </message>
    <message>
        <source>Record a call that did not connect</source>
        <translation>记录一次没有接通的电话</translation>
    </message>
    <message>
        <source>Log chat or email…</source>
        <translation>记录聊天或邮件…</translation>
    </message>
    <message>
        <source>Log a chat, email or message with its files</source>
        <translation>记录聊天、邮件或消息及其附件</translation>
    </message>
    <message>
        <source>Import evidence…</source>
        <translation>导入证据…</translation>
    </message>
    <message>
        <source>Import e-mails, chat exports and transcripts into the case</source>
        <translation>将电子邮件、聊天导出和聊天记录导入案件</translation>
    </message>
    <message>
        <source>Export case file…</source>
        <translation>导出案件档案…</translation>
    </message>
    <message>
        <source>A PDF for a dispute, or a bundle anyone can check</source>
        <translation>用于纠纷的 PDF，或任何人都可核验的证据包</translation>
    </message>
    <message>
        <source>Write a letter…</source>
        <translation>撰写信函…</translation>
    </message>
    <message>
        <source>A complaint, chaser, data access request, chargeback or police letter, filled from the case</source>
        <translation>根据案件填写的投诉信、催复函、数据查阅请求、拒付申请或报案材料</translation>
    </message>
    <message>
        <source>Export to calendar…</source>
        <translation>导出到日历…</translation>
    </message>
    <message>
        <source>Every pending promise and deadline as events with alarms, for your calendar</source>
        <translation>将所有待兑现的承诺和期限导出为带提醒的日历事件</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Search every note, agent and reference number</source>
        <translation>搜索所有备注、客服人员和参考编号</translation>
    </message>
    <message>
        <source>Response times…</source>
        <translation>响应情况…</translation>
    </message>
    <message>
        <source>How each platform answered you, from your own record</source>
        <translation>根据你自己的记录，看各平台如何回应你</translation>
    </message>
    <message>
        <source>Platforms and channels…</source>
        <translation>平台与联系渠道…</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Hide the journal behind the passphrase</source>
        <translation>锁定记录本，输入主密码后才能查看</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>键盘快捷键…</translation>
    </message>
    <message>
        <source>Every key of the window and of a call</source>
        <translation>窗口和通话中的所有快捷键</translation>
    </message>
    <message>
        <source>About Support Journal</source>
        <translation>关于客服记录本</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>记录本(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>记录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>通话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>记录本</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>During a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>The call in progress was restored.</source>
        <translation>已恢复进行中的通话。</translation>
    </message>
    <message>
        <source>Call saved.</source>
        <translation>通话已保存。</translation>
    </message>
    <message>
        <source>Choose a case first, or open a new one with New case.</source>
        <translation>请先选择一个案件，或通过“新建案件”创建一个。</translation>
    </message>
    <message>
        <source>Case file written to {0}, signed by the journal key {1}</source>
        <translation>案件档案已写入 {0}，由记录本密钥 {1} 签名</translation>
    </message>
    <message>
        <source>Promises ({0} overdue)</source>
        <translation>承诺（{0} 项已逾期）</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Support Journal</source>
        <translation>客服记录本</translation>
    </message>
</context>
<context>
    <name>MoneyDialog</name>
    <message>
        <source>Add money at stake</source>
        <translation>添加涉及金额</translation>
    </message>
    <message>
        <source>Add amount</source>
        <translation>添加金额</translation>
    </message>
    <message>
        <source>e.g. 0.5</source>
        <translation>例如 0.5</translation>
    </message>
    <message>
        <source>BTC, USDT…</source>
        <translation>BTC、USDT…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>e.g. 31250.00 (optional)</source>
        <translation>例如 31250.00（可选）</translation>
    </message>
    <message>
        <source>GBP, EUR…</source>
        <translation>GBP、EUR…</translation>
    </message>
    <message>
        <source>Amount and asset:</source>
        <translation>金额和资产：</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Value and currency:</source>
        <translation>价值和币种：</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Valued on:</source>
        <translation>估值日期：</translation>
    </message>
</context>
<context>
    <name>MoneyModel</name>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>{0} {1} on {2}</source>
        <translation>{2} 时值 {0} {1}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Name of the exchange, wallet or service</source>
        <translation>交易所、钱包或服务的名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>e.g. Withdrawal stuck since Monday</source>
        <translation>例如：提现从周一起一直未到账</translation>
    </message>
    <message>
        <source>Your account or user ID there (optional)</source>
        <translation>你在该平台的账户或用户 ID（选填）</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Account ID:</source>
        <translation>账户 ID(&amp;A)：</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>创建案件</translation>
    </message>
    <message>
        <source>Choose a platform…</source>
        <translation>选择平台…</translation>
    </message>
    <message>
        <source>Add platform…</source>
        <translation>添加平台…</translation>
    </message>
</context>
<context>
    <name>OfferBar</name>
    <message>
        <source>The reference {0} looks like a transaction.</source>
        <translation>参考编号 {0} 看起来是一笔交易。</translation>
    </message>
    <message>
        <source>Add as transaction</source>
        <translation>添加为交易</translation>
    </message>
</context>
<context>
    <name>OpenedFiles</name>
    <message>
        <source>{0} will open in Import evidence once the journal is unlocked.</source>
        <translation>记录本解锁后，{0} 将在“导入证据”中打开。</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>{0} contacted you first. Real support answers you; it does not write to you first.</source>
        <translation>{0} 先联系了你。真正的客服只会回复你，不会主动联系你。</translation>
    </message>
    <message>
        <source>The directory lists no website or e-mail address of {0}, so the domains were not compared. Add them in the Directory.</source>
        <translation>平台目录中没有 {0} 的网站或电子邮件地址，因此没有比对域名。请在平台目录中添加。</translation>
    </message>
    <message>
        <source>The sender&apos;s domain {0} looks like {1}, but is not it: a look-alike, as scams use.</source>
        <translation>发件人的域名 {0} 看起来像 {1}，但并不是：这是骗局常用的仿冒域名。</translation>
    </message>
    <message>
        <source>A link goes to {0}, which looks like {1}, but is not it: a look-alike, as scams use.</source>
        <translation>有一个链接指向 {0}，它看起来像 {1}，但并不是：这是骗局常用的仿冒域名。</translation>
    </message>
    <message>
        <source>It was signed by {0}, which looks like {1}, but is not it.</source>
        <translation>签名方是 {0}，它看起来像 {1}，但并不是。</translation>
    </message>
    <message>
        <source>The sender&apos;s domain {0} is reported fake for this platform.</source>
        <translation>发件人的域名 {0} 已被举报为该平台的假冒渠道。</translation>
    </message>
    <message>
        <source>A link goes to {0}, a domain reported fake for this platform.</source>
        <translation>有一个链接指向 {0}，该域名已被举报为该平台的假冒渠道。</translation>
    </message>
    <message>
        <source>It was signed by {0}, a domain reported fake for this platform.</source>
        <translation>签名方是 {0}，该域名已被举报为该平台的假冒渠道。</translation>
    </message>
    <message>
        <source>The sender&apos;s domain {0} is an unverified channel of this platform.</source>
        <translation>发件人的域名 {0} 是该平台未核实的渠道。</translation>
    </message>
    <message>
        <source>A link goes to {0}, an unverified channel of this platform.</source>
        <translation>有一个链接指向 {0}，这是该平台未核实的渠道。</translation>
    </message>
    <message>
        <source>It was signed by {0}, an unverified channel of this platform.</source>
        <translation>签名方是 {0}，这是该平台未核实的渠道。</translation>
    </message>
    <message>
        <source>The sender&apos;s domain {0} is not one of the platform&apos;s listed domains. Check it on the official website or app before you trust it.</source>
        <translation>发件人的域名 {0} 不在该平台已登记的域名之中。请先在官方网站或应用上核实，再决定是否相信。</translation>
    </message>
    <message>
        <source>A link goes to {0}, not one of the platform&apos;s listed domains.</source>
        <translation>有一个链接指向 {0}，它不在该平台已登记的域名之中。</translation>
    </message>
    <message>
        <source>It was signed by {0}, not one of the platform&apos;s listed domains.</source>
        <translation>签名方是 {0}，它不在该平台已登记的域名之中。</translation>
    </message>
    <message>
        <source>the signer</source>
        <translation>签名方</translation>
    </message>
    <message>
        <source>DKIM, checked {1}: signed by {0} and unchanged since.</source>
        <translation>DKIM（核验于 {1}）：由 {0} 签名，此后未被改动。</translation>
    </message>
    <message>
        <source>Only the first part of the body is signed.</source>
        <translation>签名只覆盖正文的前一部分。</translation>
    </message>
    <message>
        <source>Not signed: {0}.</source>
        <translation>未签名的信头：{0}。</translation>
    </message>
    <message>
        <source>the text changed after it was signed</source>
        <translation>签名后正文被改动过</translation>
    </message>
    <message>
        <source>a signed header changed</source>
        <translation>一个已签名的信头被改动过</translation>
    </message>
    <message>
        <source>a header was added above the signed one</source>
        <translation>在已签名的信头之上添加了另一个同名信头</translation>
    </message>
    <message>
        <source>the signature has expired</source>
        <translation>签名已过期</translation>
    </message>
    <message>
        <source>the published key is not valid</source>
        <translation>公布的公钥无效</translation>
    </message>
    <message>
        <source>the signature is not valid</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>DKIM, checked {2}: the signature of {0} does not hold: {1}.</source>
        <translation>DKIM（核验于 {2}）：{0} 的签名不成立：{1}。</translation>
    </message>
    <message>
        <source>DKIM, checked {1}: {0} publishes no key for this signature, so it cannot be verified.</source>
        <translation>DKIM（核验于 {1}）：{0} 没有公布这个签名的公钥，因此无法核验。</translation>
    </message>
    <message>
        <source>DKIM: the message is not signed.</source>
        <translation>DKIM：这封邮件没有签名。</translation>
    </message>
    <message>
        <source>DKIM: not checked: DNS could not be reached.</source>
        <translation>DKIM：未核验，无法连接 DNS。</translation>
    </message>
    <message>
        <source>DKIM: not checked: its key type is not supported.</source>
        <translation>DKIM：未核验，不支持该公钥类型。</translation>
    </message>
    <message>
        <source>DKIM: not checked.</source>
        <translation>DKIM：未核验。</translation>
    </message>
</context>
<context>
    <name>PassphraseAdvice</name>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>用几个单词组成密码，避免常见短语。</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>不必加入符号、数字或大写字母。</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>再加一两个词，越不常见越好。</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>键盘上连成一排的按键很容易被猜到。</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>简短的键盘组合很容易被猜到。</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>如果使用键盘组合，请加长并多些转折。</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>像“aaa”这样的重复很容易被猜到。</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>像“abcabcabc”这样的重复只比“abc”稍难猜一点。</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>避免重复的单词和字符。</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>像“abc”或“6543”这样的连续序列很容易被猜到。</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>避免使用连续序列。</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>最近几年的年份很容易被猜到。</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>避免使用最近几年的年份。</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>避免使用与你相关的年份。</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>日期通常很容易被猜到。</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>避免使用与你相关的日期和年份。</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>这是最常用的 10 个密码之一。</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>这是最常用的 100 个密码之一。</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>这是非常常见的密码。</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>这与某个常用密码很相似。</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>单个单词很容易被猜到。</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>单独的名字或姓氏很容易被猜到。</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>常见的名字和姓氏很容易被猜到。</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>改用大写字母作用不大。</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>全部大写和全部小写几乎一样容易被猜到。</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>把单词倒过来写并不会难猜多少。</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>用“@”代替“a”这类容易预料的替换作用不大。</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Passphrase strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>非常弱</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>非常强</translation>
    </message>
    <message>
        <source>Someone who copied the journal folder and tried passphrases on one processor core would need {0} to guess it (each guess costs half a second of key derivation); with {1} cores, {2}.</source>
        <translation>如果有人复制了记录本文件夹，用一个处理器核心逐个尝试密码，需要{0}才能猜中（每次尝试都要花半秒进行密钥派生）；如果用 {1} 个核心，则需要{2}。</translation>
    </message>
    <message>
        <source>This passphrase is weak even so: attackers try common words, names, dates and patterns first.</source>
        <translation>即便如此，这个密码仍然较弱：攻击者会优先尝试常见单词、姓名、日期和规律组合。</translation>
    </message>
</context>
<context>
    <name>PlatformFields</name>
    <message>
        <source>e.g. Coinbase</source>
        <translation>例如 Coinbase</translation>
    </message>
    <message>
        <source>The platform&apos;s help centre or contact page</source>
        <translation>平台的帮助中心或联系页面</translation>
    </message>
    <message>
        <source>Where the platform announces outages and delays</source>
        <translation>平台公布故障和延迟的页面</translation>
    </message>
    <message>
        <source>e.g. Mon–Fri 09:00–18:00</source>
        <translation>例如 周一至周五 09:00–18:00</translation>
    </message>
    <message>
        <source>The time zone the support hours are in</source>
        <translation>客服时间所用的时区</translation>
    </message>
    <message>
        <source>e.g. en, zh-CN</source>
        <translation>例如 en, zh-CN</translation>
    </message>
    <message>
        <source>e.g. US, GB, SG</source>
        <translation>例如 US, GB, SG</translation>
    </message>
    <message>
        <source>Two-letter codes of the countries it serves</source>
        <translation>服务国家的两字母代码</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>网站(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Help centre:</source>
        <translation>帮助中心(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Status page:</source>
        <translation>状态页面(&amp;S)：</translation>
    </message>
    <message>
        <source>Support h&amp;ours:</source>
        <translation>客服时间(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Co&amp;untries:</source>
        <translation>国家(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>PlatformForm</name>
    <message>
        <source>Add platform</source>
        <translation>添加平台</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The new language applies right away; if some text stays as it was, restart Support Journal.</source>
        <translation>新语言会立即生效；如有部分文字未更新，请重启客服记录本。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Locks the journal after this long without typing or mouse use. Unsaved drafts are kept, encrypted.</source>
        <translation>键盘和鼠标闲置达到此时长后，自动锁定记录本。未保存的草稿会加密保留。</translation>
    </message>
    <message>
        <source>None (weekends only)</source>
        <translation>无（仅跳过周末）</translation>
    </message>
    <message>
        <source>Due dates counted in business days skip weekends and this country&apos;s public holidays.</source>
        <translation>按工作日计算的到期时间会跳过周末和该国家/地区的法定节假日。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Auto-lock after:</source>
        <translation>自动锁定(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Country for business days:</source>
        <translation>工作日所属国家/地区(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>PromiseEditor</name>
    <message>
        <source>Add a promise</source>
        <translation>添加承诺</translation>
    </message>
    <message>
        <source>e.g. Email an update on the withdrawal</source>
        <translation>例如：邮件告知提现进展</translation>
    </message>
    <message>
        <source>Add promise</source>
        <translation>添加承诺</translation>
    </message>
    <message>
        <source>&amp;Promise</source>
        <translation>承诺(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>到期时间(&amp;D)</translation>
    </message>
    <message>
        <source>Quick picks</source>
        <translation>快速选择</translation>
    </message>
    <message>
        <source>Write what they promised, e.g. &quot;Call back tomorrow&quot;.</source>
        <translation>请填写对方承诺的内容，例如“明天回电”。</translation>
    </message>
</context>
<context>
    <name>PromisesField</name>
    <message>
        <source>Add &amp;promise…</source>
        <translation>添加承诺(&amp;P)…</translation>
    </message>
    <message>
        <source>{0} (due {1})</source>
        <translation>{0}（{1} 到期）</translation>
    </message>
</context>
<context>
    <name>PromisesModel</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>PromisesPanel</name>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>No promises are waiting.</source>
        <translation>没有待兑现的承诺。</translation>
    </message>
    <message>
        <source>&amp;Kept</source>
        <translation>已兑现(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Broken</source>
        <translation>未兑现(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Cancelled</source>
        <translation>已取消(&amp;C)</translation>
    </message>
    <message>
        <source>They did what they promised</source>
        <translation>对方已按承诺完成</translation>
    </message>
    <message>
        <source>The time passed and they did not do it</source>
        <translation>期限已过，对方没有做到</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>不再需要</translation>
    </message>
    <message>
        <source>Show &amp;settled</source>
        <translation>显示已处理的承诺(&amp;S)</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Mark kept</source>
        <translation>标记为已兑现</translation>
    </message>
    <message>
        <source>Mark broken</source>
        <translation>标记为未兑现</translation>
    </message>
    <message>
        <source>Mark cancelled</source>
        <translation>标记为已取消</translation>
    </message>
</context>
<context>
    <name>ReachTips</name>
    <message>
        <source>Other verified channels of {0}:</source>
        <translation>{0} 的其他已核实渠道：</translation>
    </message>
    <message>
        <source>No other verified channel of {0} is in your directory yet.</source>
        <translation>你的通讯录中还没有 {0} 的其他已核实渠道。</translation>
    </message>
    <message>
        <source>Check its status page for an outage: {0}</source>
        <translation>查看其状态页面是否有故障公告：{0}</translation>
    </message>
    <message>
        <source>Check its announcements for an outage: {0}</source>
        <translation>查看其公告，确认是否有服务故障：{0}</translation>
    </message>
    <message>
        <source>{0} ({1}; now {2} there)</source>
        <translation>{0}（{1}；当地现在是 {2}）</translation>
    </message>
    <message>
        <source>Its support hours: {0}</source>
        <translation>客服时间：{0}</translation>
    </message>
    <message>
        <source>Mondays</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>In your record (%n answered calls), {0} answered most on {1}, around {2}.</source>
        <translation>在你的记录中（接通了 %n 次通话），{0} 最常在{1}接听，大约 {2}。</translation>
    </message>
    <message>
        <source>In your record (%n answered calls), {0} answered most on {1}.</source>
        <translation>在你的记录中（接通了 %n 次通话），{0} 最常在{1}接听。</translation>
    </message>
    <message>
        <source>In your record (%n answered calls), {0} answered most around {1}.</source>
        <translation>在你的记录中（接通了 %n 次通话），{0} 最常在 {1} 左右接听。</translation>
    </message>
    <message>
        <source>It did not connect</source>
        <translation>未能接通</translation>
    </message>
</context>
<context>
    <name>ReadingAlarm</name>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Show the file and the text read out of it</source>
        <translation>查看该文件及从中读取的文字</translation>
    </message>
    <message>
        <source>Dismiss this warning</source>
        <translation>关闭此警告</translation>
    </message>
    <message numerus="yes">
        <source>%s (and %n more)</source>
        <translation>
            <numerusform>%s（另有 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <source>Never give a seed phrase or a private key to anyone; if someone has it, move your funds to a new wallet now.</source>
        <translation>切勿把助记词或私钥交给任何人；如果已有人拿到，请立即把资金转到新钱包。</translation>
    </message>
    <message>
        <source>{0} looks like a scam: send nothing.</source>
        <translation>{0} 看起来像诈骗：什么都不要发送。</translation>
    </message>
    <message>
        <source>{0} shows what looks like a seed phrase or a private key.</source>
        <translation>{0} 中显示了疑似助记词或私钥的内容。</translation>
    </message>
</context>
<context>
    <name>ReadingPanel</name>
    <message>
        <source>Text in this file</source>
        <translation>此文件中的文字</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Text read out of the file</source>
        <translation>从文件中读取的文字</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么办</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>现在该怎么办</translation>
    </message>
    <message>
        <source>Reference numbers in it, not yet recorded:</source>
        <translation>其中尚未记录的参考编号：</translation>
    </message>
    <message>
        <source>Waiting to be read. The text shows here once it is.</source>
        <translation>等待读取。读取后文字会显示在这里。</translation>
    </message>
    <message>
        <source>This file could not be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <source>No text found.</source>
        <translation>未找到文字。</translation>
    </message>
    <message>
        <source>Text taken from the PDF.</source>
        <translation>文字取自该 PDF。</translation>
    </message>
    <message>
        <source>Recognised by OCR; may contain errors.</source>
        <translation>由 OCR 识别，可能有误。</translation>
    </message>
    <message>
        <source>Read by {0}</source>
        <translation>读取程序：{0}</translation>
    </message>
    <message>
        <source>This file</source>
        <translation>此文件</translation>
    </message>
    <message>
        <source>Hide advice</source>
        <translation>隐藏建议</translation>
    </message>
    <message>
        <source>Add as reference</source>
        <translation>添加为参考编号</translation>
    </message>
    <message>
        <source>Record {0} as a reference of this entry</source>
        <translation>将 {0} 记录为此条记录的参考编号</translation>
    </message>
    <message>
        <source>Reference read from the file {0}</source>
        <translation>从文件 {0} 中读取的参考编号</translation>
    </message>
    <message>
        <source>Reference read from an attached file</source>
        <translation>从附件中读取的参考编号</translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message>
        <source>Reading pictures</source>
        <translation>正在读取图片</translation>
    </message>
    <message numerus="yes">
        <source>Reading pictures paused: %n file(s) wait</source>
        <translation>
            <numerusform>图片读取已暂停：%n 个文件等待读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Go on reading the text in pictures and PDFs</source>
        <translation>继续读取图片和 PDF 中的文字</translation>
    </message>
    <message>
        <source>Reading pictures: {0} of {1}</source>
        <translation>正在读取图片：第 {0} 个，共 {1} 个</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop after the file being read; the others wait</source>
        <translation>读完当前文件后停止；其余文件继续等待</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Mark the chosen record void, with a reason; it stays in the case&apos;s history</source>
        <translation>将所选记录标记为作废并注明原因；它仍保留在案件历史中</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Voided {0}: {1}</source>
        <translation>已于 {0} 作废：{1}</translation>
    </message>
    <message>
        <source>{0} (voided)</source>
        <translation>{0}（已作废）</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Save to &amp;file…</source>
        <translation>保存为文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>I have &amp;stored my recovery key safely</source>
        <translation>我已妥善保存恢复密钥(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>继续(&amp;O)</translation>
    </message>
    <message>
        <source>This recovery key unlocks the Support Journal in {0} if its passphrase is forgotten; anyone who has it and a copy of that folder can read the journal, so keep it away from this computer.</source>
        <translation>忘记主密码时，可以用这个恢复密钥解锁 {0} 中的客服记录本；任何人拿到它和该文件夹的副本都能读取记录本，所以请把它保存在这台电脑以外的地方。</translation>
    </message>
    <message>
        <source>Copied. Paste it into your password manager now.</source>
        <translation>已复制。请立即粘贴到密码管理器中。</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>{0} is inside the journal&apos;s own folder; save the recovery key somewhere else.</source>
        <translation>{0} 位于记录本自己的文件夹中，请把恢复密钥保存到别处。</translation>
    </message>
    <message>
        <source>Support Journal recovery key</source>
        <translation>客服记录本恢复密钥</translation>
    </message>
    <message>
        <source>The recovery key could not be saved to {0}: {1}.</source>
        <translation>无法把恢复密钥保存到 {0}：{1}。</translation>
    </message>
    <message>
        <source>Saved to {0}. Move the file off this computer (to a USB stick, for instance) or print it, then delete it here.</source>
        <translation>已保存到 {0}。请把这个文件移出这台电脑（例如存到 U 盘），或打印出来，然后删除这台电脑上的文件。</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>打印恢复密钥</translation>
    </message>
    <message>
        <source>Sent to the printer. Keep the page somewhere safe, away from this computer.</source>
        <translation>已发送到打印机。请把打印件存放在安全的地方，不要和这台电脑放在一起。</translation>
    </message>
</context>
<context>
    <name>ReferenceChip</name>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>Click to copy</source>
        <translation>点击复制</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ReferencesField</name>
    <message>
        <source>Kind of reference</source>
        <translation>编号类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>The ticket, case or transaction number they gave; Enter adds it. Type tx:, ticket: or case: first to say its kind.</source>
        <translation>对方给的工单号、案件编号或交易编号；按 Enter 添加。类型在左边的下拉框里选。</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the reference</source>
        <translation>添加此编号</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>ScamBanner</name>
    <message>
        <source>What to do</source>
        <translation>该怎么办</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>现在该怎么办</translation>
    </message>
    <message>
        <source>These notes hold what looks like a seed phrase or a private key. Never give it to anyone; if someone has it, move your funds to a new wallet now. Exports replace it with [redacted].</source>
        <translation>这些记录中有看起来像助记词或私钥的内容。绝不要把它交给任何人；如果已有他人知道，请立即把资金转到新钱包。导出时它会被替换为 [已隐去]。</translation>
    </message>
    <message>
        <source>Looks like a scam: send nothing.</source>
        <translation>很像诈骗：不要发送任何东西。</translation>
    </message>
    <message>
        <source>These notes hold what looks like a seed phrase or private key.</source>
        <translation>这些记录中有看起来像助记词或私钥的内容。</translation>
    </message>
    <message>
        <source>Hide advice</source>
        <translation>收起建议</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation>搜索记录本</translation>
    </message>
    <message>
        <source>Only this platform</source>
        <translation>仅限此平台</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>No matches for “{0}”.</source>
        <translation>没有找到与“{0}”相关的结果。</translation>
    </message>
    <message>
        <source>Search notes, agents, reference numbers, transaction hashes — English or 中文</source>
        <translation>搜索备注、客服人员、参考编号、交易哈希——支持中文和英文</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Case: {0}, {1}</source>
        <translation>案件：{0}，{1}</translation>
    </message>
    <message>
        <source>{0}, {1}, case {2}, {3}: {4}</source>
        <translation>{0}，{1}，案件“{2}”，{3}：{4}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>One row for each key: what it does, then the key. A row with a heading only starts a group.</source>
        <translation>每个快捷键一行：先是作用，然后是按键。只有标题的一行表示一组的开始。</translation>
    </message>
    <message>
        <source>The keys of a call work while a call is in progress, wherever the keyboard is in this window.</source>
        <translation>通话快捷键在通话进行期间有效，无论键盘焦点在本窗口的什么位置。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Add a stage of the complaint</source>
        <translation>添加投诉阶段</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Their complaint or ticket number (optional)</source>
        <translation>对方的投诉编号或工单号（可选）</translation>
    </message>
    <message>
        <source>A complaint about a payment or e-money service (a card payment, a transfer) has shorter deadlines</source>
        <translation>针对支付或电子货币服务（刷卡支付、转账）的投诉期限更短</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考编号：</translation>
    </message>
    <message>
        <source>To whom:</source>
        <translation>提交对象：</translation>
    </message>
    <message>
        <source>Kind of complaint:</source>
        <translation>投诉类型：</translation>
    </message>
    <message>
        <source>Whom you took the case to.</source>
        <translation>您将案件提交给了谁。</translation>
    </message>
    <message>
        <source>Leave To whom empty for the platform&apos;s own answer; choose a body for its answer.</source>
        <translation>平台自己的答复请将“提交对象”留空；机构的答复请选择该机构。</translation>
    </message>
</context>
<context>
    <name>StagesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>提交对象</translation>
    </message>
    <message>
        <source>{0} (payment)</source>
        <translation>{0}（支付）</translation>
    </message>
    <message>
        <source>Recorded {0}</source>
        <translation>记录于 {0}</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Answer rate</source>
        <translation>接通率</translation>
    </message>
    <message>
        <source>Median wait (min)</source>
        <translation>等待时长中位数（分钟）</translation>
    </message>
    <message>
        <source>Median first reply (min)</source>
        <translation>首次回复中位数（分钟）</translation>
    </message>
    <message>
        <source>Promises kept / broken</source>
        <translation>承诺 已兑现 / 未兑现</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Response times</source>
        <translation>响应情况</translation>
    </message>
    <message>
        <source>Measured from your own record. Answer rate counts calls; the first reply of chats and emails is the wait you recorded.</source>
        <translation>根据你自己的记录计算。接通率只统计电话；聊天和邮件的首次回复时间即你记录的等待时长。</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>还没有任何记录。</translation>
    </message>
    <message>
        <source>{0} cases resolved; median days to resolution: {1}.</source>
        <translation>已解决 {0} 个案件；解决所需天数中位数：{1}。</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>TimeZoneCombo</name>
    <message>
        <source>e.g. Europe/London</source>
        <translation>例如 Asia/Shanghai</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>TransactionDialog</name>
    <message>
        <source>Add a transaction</source>
        <translation>添加交易</translation>
    </message>
    <message>
        <source>Add transaction</source>
        <translation>添加交易</translation>
    </message>
    <message>
        <source>The transaction id (hash) from the explorer or the withdrawal&apos;s details</source>
        <translation>来自区块浏览器或提现详情的交易 ID（哈希）</translation>
    </message>
    <message>
        <source>e.g. 0.5 (optional)</source>
        <translation>例如 0.5（可选）</translation>
    </message>
    <message>
        <source>BTC, USDT…</source>
        <translation>BTC、USDT…</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>When it was sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Transaction id:</source>
        <translation>交易 ID：</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Amount and asset:</source>
        <translation>金额和资产：</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>发送地址：</translation>
    </message>
    <message>
        <source>To address:</source>
        <translation>接收地址：</translation>
    </message>
    <message>
        <source>When it was sent:</source>
        <translation>发送时间：</translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From {0}</source>
        <translation>发自 {0}</translation>
    </message>
    <message>
        <source>To {0}</source>
        <translation>发往 {0}</translation>
    </message>
    <message>
        <source>Double-click to open it in the block explorer</source>
        <translation>双击在区块浏览器中打开</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Show the passphrase</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <source>Hide the passphrase</source>
        <translation>隐藏密码</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次输入主密码</translation>
    </message>
    <message>
        <source>&amp;Create journal</source>
        <translation>创建记录本(&amp;C)</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>主密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>Journal folder: {0}</source>
        <translation>记录本文件夹：{0}</translation>
    </message>
    <message>
        <source>The journal is locked</source>
        <translation>记录本已锁定</translation>
    </message>
    <message>
        <source>Unlock it to go on. Unsaved drafts are kept, encrypted, and come back when you unlock.</source>
        <translation>解锁后即可继续。未保存的草稿已加密保留，解锁后会自动恢复。</translation>
    </message>
    <message>
        <source>Create your journal</source>
        <translation>创建你的记录本</translation>
    </message>
    <message>
        <source>Everything you record is encrypted with a passphrase that only you know. Choose one you can remember: a few unrelated words work well.</source>
        <translation>你记录的所有内容都会用只有你知道的密码加密。请选一个自己记得住的密码：几个互不相关的词组合起来就很好。</translation>
    </message>
    <message>
        <source>Unlock your journal</source>
        <translation>解锁记录本</translation>
    </message>
    <message>
        <source>Type the passphrase of this journal.</source>
        <translation>请输入此记录本的主密码。</translation>
    </message>
    <message>
        <source>Recovery key (XXXX-XXXX-…)</source>
        <translation>恢复密钥（XXXX-XXXX-…）</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Use the &amp;passphrase instead</source>
        <translation>改用主密码(&amp;P)</translation>
    </message>
    <message>
        <source>✓ Matches</source>
        <translation>✓ 两次输入一致</translation>
    </message>
    <message>
        <source>Doesn&apos;t match yet</source>
        <translation>两次输入还不一致</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>主密码</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>Use &amp;recovery key instead</source>
        <translation>改用恢复密钥(&amp;R)</translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>不到 1 秒</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln second(s)</source>
        <translation>
            <numerusform>约 %Ln 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln minute(s)</source>
        <translation>
            <numerusform>约 %Ln 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln hour(s)</source>
        <translation>
            <numerusform>约 %Ln 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln day(s)</source>
        <translation>
            <numerusform>约 %Ln 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln year(s)</source>
        <translation>
            <numerusform>约 %Ln 年</numerusform>
        </translation>
    </message>
    <message>
        <source>more than a million years</source>
        <translation>超过一百万年</translation>
    </message>
    <message>
        <source>The passphrase must be at least {0} characters long.</source>
        <translation>密码至少需要 {0} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases are not the same; type the second one again.</source>
        <translation>两次输入的密码不一致，请重新输入第二遍。</translation>
    </message>
    <message>
        <source>Save your recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <source>Your journal is ready. This recovery key unlocks it if you ever forget the passphrase. Write it on paper or keep it in a password manager, away from this computer. It is shown only now and will not be shown again.</source>
        <translation>记录本已创建。如果忘了主密码，可以用这个恢复密钥解锁。请把它抄在纸上，或存入密码管理器，并保存在这台电脑以外的地方。恢复密钥只显示这一次，之后不会再显示。</translation>
    </message>
    <message>
        <source>Type your recovery key first.</source>
        <translation>请先输入恢复密钥。</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>请先输入主密码。</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void a record</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>“{0}” stays in the case&apos;s history and its case file, marked void with your reason.</source>
        <translation>“{0}”仍保留在案件历史和案件档案中，标记为作废并附上您的原因。</translation>
    </message>
    <message>
        <source>e.g. recorded twice, wrong date</source>
        <translation>例如：重复记录、日期错误</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>WalletDialog</name>
    <message>
        <source>Add a wallet address</source>
        <translation>添加钱包地址</translation>
    </message>
    <message>
        <source>Add address</source>
        <translation>添加地址</translation>
    </message>
    <message>
        <source>Paste the address as the wallet or explorer shows it</source>
        <translation>按钱包或区块浏览器显示的原样粘贴地址</translation>
    </message>
    <message>
        <source>e.g. the exchange&apos;s deposit address (optional)</source>
        <translation>例如交易所的充值地址（可选）</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Whose:</source>
        <translation>归属：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
</context>
<context>
    <name>WalletsModel</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>WhenField</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
</context>
<context>
    <name>WindowReading</name>
    <message>
        <source>Reading pictures paused: {0}</source>
        <translation>图片读取已暂停：{0}</translation>
    </message>
</context>
</TS>
